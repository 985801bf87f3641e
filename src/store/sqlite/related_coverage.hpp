// `newsdb related`: an article's related entries resolved against the store, and the stored
// articles that list it as related.
#pragma once

#include <cstdint>
#include <newsdb/article_reader.hpp>

#include "store/sqlite/database.hpp"

namespace newsdb::sqlite {

// Entries come from related.doc in position order; each is looked up by the canonical form of its
// URL (originalUrl, else webUrl). Citing articles are found through related(url), which holds the
// canonical URL of each entry.
Result<RelatedCoverage> related_coverage(Database& db, std::int64_t id);

}  // namespace newsdb::sqlite
