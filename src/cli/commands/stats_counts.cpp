#include "cli/commands/stats_counts.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace newsdb::cli {
namespace {

using namespace std::chrono;

Timestamp period_start(Timestamp t, Period p) {
  sys_days day = floor<days>(t);
  year_month_day ymd{day};
  switch (p) {
    case Period::kDay: return day;
    case Period::kWeek: return day - days((weekday(day).iso_encoding() + 6) % 7);
    case Period::kMonth: return sys_days(ymd.year() / ymd.month() / 1);
    case Period::kYear: return sys_days(ymd.year() / January / 1);
  }
  return day;
}

Timestamp next_start(Timestamp start, Period p) {
  sys_days day = floor<days>(start);
  year_month_day ymd{day};
  switch (p) {
    case Period::kDay: return day + days(1);
    case Period::kWeek: return day + days(7);
    case Period::kMonth: return sys_days((ymd.year() / ymd.month() + months(1)) / 1);
    case Period::kYear: return sys_days((ymd.year() + years(1)) / January / 1);
  }
  return day + days(1);
}

// `filter` narrowed to [from, to).
Filter within(const Filter& filter, Timestamp from, Timestamp to) {
  Filter f = filter;
  f.since = f.since ? std::max(*f.since, from) : from;
  Timestamp last = to - seconds(1);
  f.until = f.until ? std::min(*f.until, last) : last;
  return f;
}

Result<std::vector<PeriodCount>> count_periods(ArticleReader& reader, const Filter& filter,
                                               Timestamp first, Timestamp last, Period p) {
  std::vector<Timestamp> starts;
  for (Timestamp s = period_start(first, p); s <= last; s = next_start(s, p)) starts.push_back(s);
  if (starts.size() > kMaxPeriods) starts.erase(starts.begin(), starts.end() - kMaxPeriods);
  std::vector<PeriodCount> out;
  out.reserve(starts.size());
  for (Timestamp s : starts) {
    auto n = reader.count(within(filter, s, next_start(s, p)));
    if (!n) return std::unexpected(n.error());
    out.push_back(PeriodCount{s, *n});
  }
  return out;
}

Result<std::optional<Timestamp>> edge(ArticleReader& reader, const Filter& filter, SortOrder sort) {
  Query q{.filter = filter, .sort = sort, .limit = 1, .detail = Detail::kListing};
  auto found = reader.find(q);
  if (!found) return std::unexpected(found.error());
  if (found->empty()) return std::nullopt;
  return found->front().article.published_date_time;
}

}  // namespace

Result<Period> parse_period(std::string_view text) {
  if (text == "day") return Period::kDay;
  if (text == "week") return Period::kWeek;
  if (text == "month") return Period::kMonth;
  if (text == "year") return Period::kYear;
  return fail(ErrorKind::kInvalidInput,
              "--by takes day, week, month or year, not '" + std::string(text) + "'");
}

std::string_view period_name(Period p) {
  switch (p) {
    case Period::kDay: return "day";
    case Period::kWeek: return "week";
    case Period::kMonth: return "month";
    case Period::kYear: return "year";
  }
  return "month";
}

std::string period_label(Timestamp start, Period p) {
  year_month_day ymd{floor<days>(start)};
  char buf[32];
  int y = int(ymd.year());
  unsigned m = unsigned(ymd.month()), d = unsigned(ymd.day());
  switch (p) {
    case Period::kDay:
    case Period::kWeek: std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d); break;
    case Period::kMonth: std::snprintf(buf, sizeof buf, "%04d-%02u", y, m); break;
    case Period::kYear: std::snprintf(buf, sizeof buf, "%04d", y); break;
  }
  return buf;
}

bool matches_everything(const Filter& f) {
  return f.topics.empty() && f.providers.empty() && f.categories.empty() && f.types.empty() &&
         !f.since && !f.until && !f.min_quality && !f.min_heat && !f.published && !f.text;
}

Result<StatsReport> stats_report(ArticleReader& reader, const Filter& filter, std::int64_t top,
                                 Period by) {
  StatsReport report;
  report.by = by;
  if (matches_everything(filter)) {
    auto stats = reader.stats(top);
    if (!stats) return std::unexpected(stats.error());
    report.totals = std::move(*stats);
    if (by == Period::kMonth) {
      for (const auto& m : report.totals.per_month) {
        report.periods.push_back(
            PeriodCount{sys_days(year(m.year) / month(m.month) / 1), m.count});
      }
      report.totals.per_month.clear();
      return report;
    }
  } else {
    report.filtered = true;
    StoreStats& s = report.totals;
    auto articles = reader.count(filter);
    if (!articles) return std::unexpected(articles.error());
    s.articles = *articles;
    auto providers = reader.facet(Facet::kProvider, filter, 0);
    if (!providers) return std::unexpected(providers.error());
    s.providers = static_cast<std::int64_t>(providers->size());
    auto topics = reader.facet(Facet::kTopic, filter, 0);
    if (!topics) return std::unexpected(topics.error());
    s.topics = static_cast<std::int64_t>(topics->size());
    if (top > 0 && providers->size() > std::size_t(top)) providers->resize(std::size_t(top));
    if (top > 0 && topics->size() > std::size_t(top)) topics->resize(std::size_t(top));
    s.top_providers = std::move(*providers);
    s.top_topics = std::move(*topics);
    // Both orders put undated articles last: the first match of each is dated if any is.
    auto first = edge(reader, filter, SortOrder::kOldest);
    if (!first) return std::unexpected(first.error());
    auto last = edge(reader, filter, SortOrder::kNewest);
    if (!last) return std::unexpected(last.error());
    s.first_published = *first;
    s.last_published = *last;
    s.undated = s.articles;
    if (s.first_published && s.last_published) {
      auto dated = reader.count(within(filter, *s.first_published, *s.last_published + seconds(1)));
      if (!dated) return std::unexpected(dated.error());
      s.undated = s.articles - *dated;
    }
  }
  const StoreStats& s = report.totals;
  if (s.first_published && s.last_published) {
    auto periods = count_periods(reader, filter, *s.first_published, *s.last_published, by);
    if (!periods) return std::unexpected(periods.error());
    report.periods = std::move(*periods);
  }
  report.totals.per_month.clear();
  return report;
}

}  // namespace newsdb::cli
