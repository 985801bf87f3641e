#include "store/store_stats.hpp"

namespace newsdb::store {

MonthRange month_range(Timestamp first, Timestamp last) {
  using namespace std::chrono;
  auto month_of = [](Timestamp t) {
    year_month_day ymd{floor<days>(t)};
    return ymd.year() / ymd.month();
  };
  MonthRange range{month_of(first), month_of(last)};
  if ((range.to.year() - range.from.year()).count() * 12 +
          (int(unsigned(range.to.month())) - int(unsigned(range.from.month()))) >=
      kMaxMonths) {
    range.from = range.to - months(kMaxMonths - 1);
  }
  return range;
}

std::int64_t month_start(std::chrono::year_month month) {
  return std::chrono::sys_days(month / 1).time_since_epoch() / std::chrono::seconds(1);
}

std::vector<MonthCount> empty_months(const MonthRange& range) {
  std::vector<MonthCount> out;
  for (auto m = range.from; m <= range.to; m += std::chrono::months(1)) {
    out.push_back(MonthCount{int(m.year()), unsigned(m.month()), 0});
  }
  return out;
}

Result<StoreStats> add_top_counts(StoreStats stats, ArticleReader& reader, std::int64_t top) {
  Filter all;
  auto topics = reader.facet(Facet::kTopic, all, top);
  if (!topics) return std::unexpected(topics.error());
  auto providers = reader.facet(Facet::kProvider, all, top);
  if (!providers) return std::unexpected(providers.error());
  stats.top_topics = std::move(*topics);
  stats.top_providers = std::move(*providers);
  return stats;
}

}  // namespace newsdb::store
