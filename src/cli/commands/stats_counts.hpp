// What `newsdb stats` counts when FILTERS narrow it or --by asks for other periods than months:
// totals, the date range, articles per period and the largest topics and providers of the
// matching articles, from the reader's own counts (count, facet, find), so every backend answers
// alike. Without filters and by month the store's own stats() is used.
#pragma once

#include <cstdint>
#include <newsdb/article_reader.hpp>
#include <newsdb/query.hpp>
#include <string>
#include <vector>

namespace newsdb::cli {

enum class Period { kDay, kWeek, kMonth, kYear };

// "day", "week", "month", "year"; kInvalidInput naming them otherwise.
Result<Period> parse_period(std::string_view text);
std::string_view period_name(Period p);

// The histogram covers at most this many periods, the latest ones.
inline constexpr std::size_t kMaxPeriods = 1200;

struct PeriodCount {
  Timestamp start;  // UTC: midnight; a week starts on Monday
  std::int64_t count = 0;
};

// 2024-01-31 for a day or a week (its Monday), 2024-01 for a month, 2024 for a year.
std::string period_label(Timestamp start, Period p);

struct StatsReport {
  StoreStats totals;      // per_month left empty; see `periods`
  bool filtered = false;  // images, related entries and failed files are then not counted
  Period by = Period::kMonth;
  std::vector<PeriodCount> periods;  // every period from the first to the last, zeros included
};

// True when `filter` narrows nothing.
bool matches_everything(const Filter& filter);

Result<StatsReport> stats_report(ArticleReader& reader, const Filter& filter, std::int64_t top,
                                 Period by);

}  // namespace newsdb::cli
