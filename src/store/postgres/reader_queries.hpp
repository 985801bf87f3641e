// The reader's questions that are not a Query: related coverage and store statistics, with the
// same answers as the SQLite reader's (src/store/sqlite/related_coverage.hpp, store_stats.hpp).
#pragma once

#include <cstdint>
#include <newsdb/article_reader.hpp>

#include "store/postgres/connection.hpp"

namespace newsdb::postgres {

// The related entries of article `id`, each resolved against the store by canonical URL, and the
// stored articles that list `id` as related (newest first, ties by url). Empty for an unknown id.
Result<RelatedCoverage> related_coverage(Connection& conn, std::int64_t id);

// Totals, the date range and articles per month (over store::month_range of the first and last
// publication dates); store::add_top_counts adds the top topics and providers.
Result<StoreStats> store_stats(Connection& conn);

}  // namespace newsdb::postgres
