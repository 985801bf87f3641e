// `newsdb stats`: totals and the monthly histogram, each answered from an index (no pass over the
// article rows themselves, which hold the bodies).
#pragma once

#include <newsdb/article_reader.hpp>

#include "store/sqlite/database.hpp"

namespace newsdb::sqlite {

// Everything in StoreStats but the top topics and providers. per_month covers the months from the
// first to the last publication date, at most the last kMaxMonths of them.
inline constexpr int kMaxMonths = 1200;
Result<StoreStats> store_stats(Database& db);

}  // namespace newsdb::sqlite
