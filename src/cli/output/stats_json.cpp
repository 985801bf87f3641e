#include "cli/output/stats_json.hpp"

#include <cstdio>

#include "cli/output/dates.hpp"

namespace newsdb::cli {

std::string month_label(const MonthCount& m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u", m.year, m.month);
  return buf;
}

namespace {

// perMonth, perWeek, ...: the key of the histogram in JSON.
std::string per_key(Period by) {
  std::string name(period_name(by));
  name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return "per" + name;
}

}  // namespace

Json stats_json(const StatsReport& r) {
  const StoreStats& s = r.totals;
  // Filtered, the counts that are not of articles are not known: null.
  auto unless_filtered = [&](std::int64_t n) { return r.filtered ? Json(nullptr) : Json(n); };
  Json j = Json::object();
  j["articles"] = s.articles;
  j["stories"] = s.stories;
  j["providers"] = s.providers;
  j["topics"] = s.topics;
  j["images"] = unless_filtered(s.images);
  j["relatedEntries"] = unless_filtered(s.related_entries);
  j["undated"] = s.undated;
  j["failedFiles"] = unless_filtered(s.failed_files);
  j["firstPublished"] = s.first_published ? Json(date_text(s.first_published)) : Json(nullptr);
  j["lastPublished"] = s.last_published ? Json(date_text(s.last_published)) : Json(nullptr);
  std::string key = per_key(r.by);
  std::string unit(period_name(r.by));
  j[key] = Json::array();
  for (const auto& p : r.periods) {
    j[key].push_back({{unit, period_label(p.start, r.by)}, {"count", p.count}});
  }
  j["topTopics"] = Json::array();
  for (const auto& t : s.top_topics) j["topTopics"].push_back({{"name", t.name}, {"count", t.count}});
  j["topProviders"] = Json::array();
  for (const auto& p : s.top_providers) {
    j["topProviders"].push_back({{"name", p.name}, {"domain", p.domain}, {"count", p.count}});
  }
  return j;
}

}  // namespace newsdb::cli
