// What `query` and `search` share: run a Query against the store and print the page in the
// chosen format (see cli/output/article_output.hpp), with a hint on a terminal when there may be
// more.
#pragma once

#include "cli/context.hpp"
#include "cli/filters.hpp"

namespace newsdb::cli {

// Returns the exit status.
int run_article_list(Context& ctx, const FilterOptions& options, QueryDefaults defaults);

}  // namespace newsdb::cli
