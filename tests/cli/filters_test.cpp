#include <catch2/catch.hpp>

#include "cli/filters.hpp"

using namespace newsdb;
using namespace newsdb::cli;
using namespace std::chrono;

namespace {

// A fixed "now": 2024-03-10T12:00:00Z.
const Timestamp kNow = sys_days(2024y / March / 10) + hours(12);

Timestamp at(int y, unsigned m, unsigned d, int h = 0, int min = 0, int s = 0) {
  return sys_days(year(y) / month(m) / day(d)) + hours(h) + minutes(min) + seconds(s);
}

}  // namespace

TEST_CASE("relative dates count back from the injected clock", "[cli][filters]") {
  CHECK(*parse_when("7d", kNow, false) == at(2024, 3, 3, 12));
  CHECK(*parse_when("24h", kNow, false) == at(2024, 3, 9, 12));
  CHECK(*parse_when("30m", kNow, false) == at(2024, 3, 10, 11, 30));
  CHECK(*parse_when("2w", kNow, false) == at(2024, 2, 25, 12));
}

TEST_CASE("a date-only --until covers the whole day, --since starts it", "[cli][filters]") {
  CHECK(*parse_when("2023-11-24", kNow, false) == at(2023, 11, 24));
  CHECK(*parse_when("2023-11-24", kNow, true) == at(2023, 11, 24, 23, 59, 59));
  CHECK(*parse_when("2023-11-24T05:12:00Z", kNow, true) == at(2023, 11, 24, 5, 12));
}

TEST_CASE("dates with offsets are read as UTC instants", "[cli][filters]") {
  CHECK(*parse_when("2023-11-24T10:00:00+05:30", kNow, false) == at(2023, 11, 24, 4, 30));
  CHECK(*parse_when("2023-11-24T00:30:00-02:00", kNow, false) == at(2023, 11, 24, 2, 30));
}

TEST_CASE("unreadable dates are usage errors that say what to type", "[cli][filters]") {
  for (const char* bad : {"yesterday", "7", "d7", "2023-13-01", "7y", "-7d"}) {
    auto r = parse_when(bad, kNow, false);
    INFO(bad);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind == ErrorKind::kInvalidInput);
    CHECK_THAT(r.error().message, Catch::Contains("7d"));
  }
}

TEST_CASE("options become a query, bad values name the option", "[cli][filters]") {
  FilterOptions o;
  o.topics = {"AI", "Chips"};
  o.providers = {"beebom.com"};
  o.since = "7d";
  o.until = "2024-03-10";
  o.min_quality = "50";
  o.min_heat = "-3";
  o.published = "no";
  o.sort = "heat";
  o.limit = "0";
  o.offset = "40";
  auto q = to_query(o, kNow);
  REQUIRE(q.has_value());
  CHECK(q->filter.topics == std::vector<std::string>{"AI", "Chips"});
  CHECK(q->filter.since == at(2024, 3, 3, 12));
  CHECK(q->filter.until == at(2024, 3, 10, 23, 59, 59));
  CHECK(q->filter.min_quality == 50);
  CHECK(q->filter.min_heat == -3);
  CHECK(q->filter.published == false);
  CHECK(q->sort == SortOrder::kHeat);
  CHECK(q->limit == 0);
  CHECK(q->offset == 40);

  auto error_for = [](FilterOptions bad) {
    auto r = to_query(bad, kNow);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind == ErrorKind::kInvalidInput);
    return r.error().message;
  };
  FilterOptions bad;
  bad.limit = "-1";
  CHECK_THAT(error_for(bad), Catch::Contains("--limit"));
  bad = {};
  bad.min_heat = "lots";
  CHECK_THAT(error_for(bad), Catch::Contains("--min-heat"));
  bad = {};
  bad.sort = "random";
  CHECK_THAT(error_for(bad), Catch::Contains("newest"));
  bad = {};
  bad.sort = "relevance";
  CHECK_THAT(error_for(bad), Catch::Contains("--text"));
  bad = {};
  bad.published = "maybe";
  CHECK_THAT(error_for(bad), Catch::Contains("yes or no"));
  bad = {};
  bad.since = "2024-02-01";
  bad.until = "2024-01-01";
  CHECK_THAT(error_for(bad), Catch::Contains("after"));
  bad = {};
  bad.topics = {""};
  CHECK_THAT(error_for(bad), Catch::Contains("--topic"));
  // A whole number beyond 64 bits is out of range, not "not a whole number".
  bad = {};
  bad.min_quality = "9223372036854775808";
  CHECK(error_for(bad) ==
        "--min-quality is out of range: 9223372036854775808 is beyond 9223372036854775807");
  bad = {};
  bad.min_heat = "-9223372036854775809";
  CHECK(error_for(bad) ==
        "--min-heat is out of range: -9223372036854775809 is beyond -9223372036854775808");
  bad = {};
  bad.limit = "1e3";
  CHECK(error_for(bad) == "--limit needs a whole number, not '1e3'");
}

TEST_CASE("defaults apply when options are left out", "[cli][filters]") {
  auto q = to_query(FilterOptions{}, kNow, QueryDefaults{SortOrder::kNewest, 0});
  REQUIRE(q.has_value());
  CHECK(q->limit == 0);
  CHECK(q->sort == SortOrder::kNewest);
  CHECK_FALSE(q->filter.since.has_value());
  CHECK_FALSE(q->filter.text.has_value());
}
