#include <catch2/catch.hpp>
#include <newsdb/fetch_schedule.hpp>

using namespace newsdb;
using namespace std::chrono_literals;

TEST_CASE("durations read as users write them", "[net][schedule]") {
  CHECK(parse_duration("45s") == std::chrono::seconds(45));
  CHECK(parse_duration("30m") == std::chrono::seconds(1800));
  CHECK(parse_duration("2h") == std::chrono::seconds(7200));
  CHECK(parse_duration("1d") == std::chrono::seconds(86400));
  CHECK(parse_duration("1w") == std::chrono::seconds(604800));
  CHECK(parse_duration("1h30m") == std::chrono::seconds(5400));
  CHECK(parse_duration(" 90M ") == std::chrono::seconds(5400));
}

TEST_CASE("durations without a unit, zero, negative or absurd are refused", "[net][schedule]") {
  for (const char* bad : {"", "30", "m", "30x", "-5m", "0m", "1h30", "99999999999d", "1.5h"}) {
    INFO(bad);
    CHECK_FALSE(parse_duration(bad).has_value());
  }
}

TEST_CASE("durations print in the shortest form that reads back", "[net][schedule]") {
  CHECK(format_duration(1800s) == "30m");
  CHECK(format_duration(5400s) == "1h30m");
  CHECK(format_duration(86400s) == "1d");
  CHECK(format_duration(90061s) == "1d1h1m1s");
  CHECK(format_duration(0s) == "0s");
  CHECK(parse_duration(format_duration(93784s)) == 93784s);
}

TEST_CASE("backoff doubles from the interval and stops at a day", "[net][schedule]") {
  CHECK(backoff_delay(30min, 1) == 30min);
  CHECK(backoff_delay(30min, 2) == 1h);
  CHECK(backoff_delay(30min, 3) == 2h);
  CHECK(backoff_delay(30min, 6) == 16h);
  CHECK(backoff_delay(30min, 7) == 24h);
  CHECK(backoff_delay(30min, 1'000'000) == 24h);
  // A source polled less than daily is retried within a day, never given up.
  CHECK(backoff_delay(std::chrono::days(7), 1) == 24h);
}

TEST_CASE("Retry-After reads delta-seconds and HTTP dates", "[net][schedule]") {
  const Timestamp now{std::chrono::sys_days{std::chrono::year{2015} / 10 / 21} + 7h + 20min};
  CHECK(parse_retry_after("120", now) == 120s);
  CHECK(parse_retry_after(" 0 ", now) == 0s);
  CHECK(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now) == 8min);
  CHECK(parse_retry_after("Wed, 21 Oct 2015 07:00:00 GMT", now) == 0s);  // in the past
  CHECK_FALSE(parse_retry_after("soon", now).has_value());
  CHECK_FALSE(parse_retry_after("", now).has_value());
}
