// The backend-neutral part of `newsdb stats` (StoreStats): which months the per-month histogram
// covers, and the top topics and providers, which are the reader's own facet counts.
#pragma once

#include <chrono>
#include <cstdint>
#include <newsdb/article_reader.hpp>

namespace newsdb::store {

// The histogram covers at most this many months, the latest ones.
inline constexpr int kMaxMonths = 1200;

// The months from the one of `first` to the one of `last` (UTC), both included, cut to the last
// kMaxMonths of them.
struct MonthRange {
  std::chrono::year_month from;
  std::chrono::year_month to;
};
MonthRange month_range(Timestamp first, Timestamp last);

// Seconds since the epoch at the start (UTC) of `month`.
std::int64_t month_start(std::chrono::year_month month);

// Every month of `range` in order, each with a count of 0.
std::vector<MonthCount> empty_months(const MonthRange& range);

// `stats` with its top_topics and top_providers filled from `reader`'s facets over every article
// (at most `top` of each; 0 = all). Errors are the reader's.
Result<StoreStats> add_top_counts(StoreStats stats, ArticleReader& reader, std::int64_t top);

}  // namespace newsdb::store
