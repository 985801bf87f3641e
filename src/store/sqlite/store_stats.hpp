// `newsdb stats`: totals and the monthly histogram, each answered from an index (no pass over the
// article rows themselves, which hold the bodies).
#pragma once

#include <newsdb/article_reader.hpp>

#include "store/sqlite/database.hpp"

namespace newsdb::sqlite {

// Everything in StoreStats but the top topics and providers (store::add_top_counts adds them).
// per_month covers store::month_range of the first and last publication dates.
Result<StoreStats> store_stats(Database& db);

}  // namespace newsdb::sqlite
