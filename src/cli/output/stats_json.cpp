#include "cli/output/stats_json.hpp"

#include <cstdio>

#include "cli/output/dates.hpp"

namespace newsdb::cli {

std::string month_label(const MonthCount& m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u", m.year, m.month);
  return buf;
}

Json stats_json(const StoreStats& s) {
  Json j = Json::object();
  j["articles"] = s.articles;
  j["providers"] = s.providers;
  j["topics"] = s.topics;
  j["images"] = s.images;
  j["relatedEntries"] = s.related_entries;
  j["undated"] = s.undated;
  j["failedFiles"] = s.failed_files;
  j["firstPublished"] = s.first_published ? Json(date_text(s.first_published)) : Json(nullptr);
  j["lastPublished"] = s.last_published ? Json(date_text(s.last_published)) : Json(nullptr);
  j["perMonth"] = Json::array();
  for (const auto& m : s.per_month) j["perMonth"].push_back({{"month", month_label(m)}, {"count", m.count}});
  j["topTopics"] = Json::array();
  for (const auto& t : s.top_topics) j["topTopics"].push_back({{"name", t.name}, {"count", t.count}});
  j["topProviders"] = Json::array();
  for (const auto& p : s.top_providers) {
    j["topProviders"].push_back({{"name", p.name}, {"domain", p.domain}, {"count", p.count}});
  }
  return j;
}

}  // namespace newsdb::cli
