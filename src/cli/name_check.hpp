// Saying what did not match: each topic, provider and category name of a filter is looked up
// before the query runs, so `--topic corona` says that no topic has that name (and which ones are
// near) instead of printing nothing.
#pragma once

#include <newsdb/article_reader.hpp>
#include <string>
#include <vector>

namespace newsdb::cli {

// One warning per name in `filter` that no stored article carries, with the nearest names that
// exist: "no topic is named 'corona': did you mean Coronavirus?". A provider given as
// www.DOMAIN that matches nothing while DOMAIN does is rewritten to DOMAIN in `filter` (no
// warning). Errors are the reader's.
Result<std::vector<std::string>> check_names(ArticleReader& reader, Filter& filter);

}  // namespace newsdb::cli
