// What `query` and `search` share: run a Query against the store and print the page in the
// chosen format (see cli/output/article_output.hpp). Names that match nothing are warned about
// (cli/name_check.hpp); when the default --limit cuts the list, stderr says
// "20 of 2,138 shown; --limit 0 for all"; --count prints only the number of matches.
#pragma once

#include "cli/context.hpp"
#include "cli/filters.hpp"

namespace newsdb::cli {

// Returns the exit status.
int run_article_list(Context& ctx, const FilterOptions& options, QueryDefaults defaults);

}  // namespace newsdb::cli
