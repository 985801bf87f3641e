// `newsdb stats FILTERS --by PERIOD`: the totals and the histogram of the matching articles,
// checked against counts made here from the parsed fixtures.
#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <map>
#include <newsdb/date.hpp>
#include <set>

#include "cli/cli_store.hpp"
#include "cli/run_cli.hpp"

using namespace newsdb;
using namespace newsdb::test;
using namespace std::chrono;

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool has_topic(const Article& a, const std::string& topic) {
  return std::any_of(a.topics.begin(), a.topics.end(),
                     [&](const std::string& t) { return lower(t) == lower(topic); });
}

// The topic most fixture articles carry (ties: the first name).
std::string commonest_topic(const std::vector<Article>& articles) {
  std::map<std::string, int> counts;
  for (const auto& a : articles) {
    std::set<std::string> seen;
    for (const auto& t : a.topics) {
      if (seen.insert(lower(t)).second) ++counts[t];
    }
  }
  std::string best;
  int most = 0;
  for (const auto& [name, n] : counts) {
    if (n > most) best = name, most = n;
  }
  return best;
}

std::string day_text(sys_days d) {
  year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()),
                unsigned(ymd.day()));
  return buf;
}

}  // namespace

TEST_CASE("stats takes the filters and --by week", "[cli][stats]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& cli = CliStore::get(backend);
      const std::string topic = commonest_topic(cli.articles());
      REQUIRE(!topic.empty());
      std::int64_t matching = 0, undated = 0;
      std::set<std::string> providers;
      std::map<sys_days, std::int64_t> weeks;  // Monday -> count
      for (const auto& a : cli.articles()) {
        if (!has_topic(a, topic)) continue;
        ++matching;
        if (a.provider) providers.insert(lower(a.provider->name) + "\n" + lower(a.provider->domain));
        if (!a.published_date_time) {
          ++undated;
          continue;
        }
        sys_days day = floor<days>(*a.published_date_time);
        weeks[day - days((weekday(day).c_encoding() + 6) % 7)] += 1;
      }
      REQUIRE(matching >= 2);
      REQUIRE_FALSE(weeks.empty());
      auto ran = cli.run({"stats", "--topic", topic, "--by", "week", "--format", "json"});
      REQUIRE(ran.status == 0);
      Json s = Json::parse(ran.out);
      CHECK(s["articles"] == matching);
      CHECK(s["undated"] == undated);
      CHECK(s["providers"] == providers.size());
      CHECK(s["images"].is_null());
      CHECK(s["topTopics"][0]["count"] == matching);
      REQUIRE(s["perWeek"].is_array());
      // Every week from the first to the last, zeros included.
      const Json& per = s["perWeek"];
      sys_days first = weeks.begin()->first, last = weeks.rbegin()->first;
      REQUIRE(per.size() == std::size_t((last - first).count() / 7 + 1));
      for (std::size_t i = 0; i < per.size(); ++i) {
        sys_days monday = first + days(7 * i);
        INFO(day_text(monday));
        CHECK(per[i]["week"] == day_text(monday));
        CHECK(per[i]["count"] == (weeks.contains(monday) ? weeks[monday] : 0));
      }
      // A year histogram of everything: one entry per year from the first to the last.
      auto years = cli.run({"stats", "--by", "year", "--format", "json"});
      REQUIRE(years.status == 0);
      Json y = Json::parse(years.out);
      std::int64_t dated = 0;
      for (const auto& e : y["perYear"]) dated += e["count"].get<std::int64_t>();
      CHECK(dated == y["articles"].get<std::int64_t>() - y["undated"].get<std::int64_t>());
      CHECK(y["perYear"][0]["year"] == y["firstPublished"].get<std::string>().substr(0, 4));
    }
  }
}

TEST_CASE("stats says what did not match and refuses an unknown period", "[cli][stats]") {
  auto& cli = CliStore::get();
  auto bad = cli.run({"stats", "--by", "fortnight"});
  CHECK(bad.status == 2);
  CHECK(bad.err == "newsdb: error: --by takes day, week, month or year, not 'fortnight'\n");
  auto none = cli.run({"stats", "--topic", "no-such-topic-here", "--format", "json"});
  CHECK(none.status == 0);
  CHECK_THAT(none.err, Catch::Contains("no topic is named 'no-such-topic-here'"));
  CHECK(Json::parse(none.out)["articles"] == 0);
  auto text = cli.run({"stats", "--since", "2024-03", "--until", "2024-03", "--by", "day",
                       "--format", "text"});
  CHECK(text.status == 0);
  CHECK_THAT(text.out, Catch::Contains("Articles per day"));
}
