#include <catch2/catch.hpp>
#include <newsdb/date.hpp>

using namespace newsdb;
using namespace std::chrono;

namespace {
// The expected instant, built with <chrono> civil arithmetic rather than with the parser.
Timestamp utc(int y, unsigned mo, unsigned d, int h = 0, int mi = 0, int s = 0) {
  return sys_days{year{y} / month{mo} / day{d}} + hours{h} + minutes{mi} + seconds{s};
}
}  // namespace

TEST_CASE("parse_date reads RFC 3339 with Z", "[date]") {
  CHECK(parse_date("2023-11-24T05:12:00Z") == utc(2023, 11, 24, 5, 12, 0));
  CHECK(parse_date("2023-11-24t05:12:00z") == utc(2023, 11, 24, 5, 12, 0));
  CHECK(parse_date("  2023-11-24T05:12:00Z \n") == utc(2023, 11, 24, 5, 12, 0));
}

TEST_CASE("parse_date converts numeric offsets to UTC", "[date]") {
  CHECK(parse_date("2023-11-24T10:42:00+05:30") == utc(2023, 11, 24, 5, 12, 0));
  CHECK(parse_date("2023-11-24T10:42:00+0530") == utc(2023, 11, 24, 5, 12, 0));
  CHECK(parse_date("2023-11-23T21:12:00-08:00") == utc(2023, 11, 24, 5, 12, 0));
  CHECK(parse_date("2023-11-24T07:12:00+02") == utc(2023, 11, 24, 5, 12, 0));
  // Crossing a year boundary backwards.
  CHECK(parse_date("2024-01-01T03:00:00+05:45") == utc(2023, 12, 31, 21, 15, 0));
}

TEST_CASE("parse_date truncates fractional seconds", "[date]") {
  CHECK(parse_date("2023-11-24T05:12:07.999Z") == utc(2023, 11, 24, 5, 12, 7));
  CHECK(parse_date("2023-11-24T05:12:07,5+01:00") == utc(2023, 11, 24, 4, 12, 7));
  CHECK(parse_date("2023-11-24T05:12:07.123456789Z") == utc(2023, 11, 24, 5, 12, 7));
}

TEST_CASE("parse_date accepts a space separator, no seconds and no zone", "[date]") {
  CHECK(parse_date("2023-11-24 05:12:00") == utc(2023, 11, 24, 5, 12, 0));
  CHECK(parse_date("2023-11-24 05:12:00 +0000") == utc(2023, 11, 24, 5, 12, 0));
  CHECK(parse_date("2023-11-24 05:12:00 UTC") == utc(2023, 11, 24, 5, 12, 0));
  CHECK(parse_date("2023-11-24T05:12Z") == utc(2023, 11, 24, 5, 12, 0));
}

TEST_CASE("parse_date reads a date alone as midnight UTC", "[date]") {
  CHECK(parse_date("2023-11-24") == utc(2023, 11, 24));
  CHECK(parse_date("2024-02-29") == utc(2024, 2, 29));
}

TEST_CASE("parse_date reads RFC 822 and RFC 1123 dates as RSS writes them", "[date]") {
  CHECK(parse_date("Fri, 24 Nov 2023 05:12:00 GMT") == utc(2023, 11, 24, 5, 12, 0));
  CHECK(parse_date("Fri, 24 Nov 2023 05:12:00 +0000") == utc(2023, 11, 24, 5, 12, 0));
  CHECK(parse_date("Fri, 24 Nov 2023 10:42:00 +0530") == utc(2023, 11, 24, 5, 12, 0));
  CHECK(parse_date("Thu, 23 Nov 2023 21:12:00 -0800") == utc(2023, 11, 24, 5, 12, 0));
  CHECK(parse_date("24 Nov 2023 05:12:00 GMT") == utc(2023, 11, 24, 5, 12, 0));  // no weekday
  CHECK(parse_date("Fri, 4 Aug 2023 09:05 UT") == utc(2023, 8, 4, 9, 5, 0));     // no seconds
  CHECK(parse_date("Fri, 24 nov 2023 05:12:00 gmt") == utc(2023, 11, 24, 5, 12, 0));
  CHECK(parse_date("Friday, 24 November 2023 05:12:00 GMT") == utc(2023, 11, 24, 5, 12, 0));
}

TEST_CASE("parse_date knows the US zone names of RFC 822", "[date]") {
  CHECK(parse_date("Fri, 24 Nov 2023 00:12:00 EST") == utc(2023, 11, 24, 5, 12, 0));
  CHECK(parse_date("Fri, 24 Nov 2023 01:12:00 EDT") == utc(2023, 11, 24, 5, 12, 0));
  CHECK(parse_date("Thu, 23 Nov 2023 23:12:00 CST") == utc(2023, 11, 24, 5, 12, 0));
  CHECK(parse_date("Thu, 23 Nov 2023 22:12:00 MST") == utc(2023, 11, 24, 5, 12, 0));
  CHECK(parse_date("Thu, 23 Nov 2023 21:12:00 PST") == utc(2023, 11, 24, 5, 12, 0));
  CHECK(parse_date("Thu, 23 Nov 2023 22:12:00 PDT") == utc(2023, 11, 24, 5, 12, 0));
}

TEST_CASE("parse_date expands two-digit years per RFC 2822", "[date]") {
  CHECK(parse_date("Fri, 24 Nov 23 05:12:00 GMT") == utc(2023, 11, 24, 5, 12, 0));
  CHECK(parse_date("Wed, 24 Nov 99 05:12:00 GMT") == utc(1999, 11, 24, 5, 12, 0));
  CHECK(parse_date("24 Nov 49 05:12:00 GMT") == utc(2049, 11, 24, 5, 12, 0));
  CHECK(parse_date("24 Nov 50 05:12:00 GMT") == utc(1950, 11, 24, 5, 12, 0));
}

TEST_CASE("parse_date rejects invalid calendar dates and out-of-range fields", "[date]") {
  CHECK_FALSE(parse_date("2023-02-30"));
  CHECK_FALSE(parse_date("2023-02-29"));  // not a leap year
  CHECK_FALSE(parse_date("2023-13-01"));
  CHECK_FALSE(parse_date("2023-00-10"));
  CHECK_FALSE(parse_date("2023-11-24T24:00:00Z"));
  CHECK_FALSE(parse_date("2023-11-24T05:60:00Z"));
  CHECK_FALSE(parse_date("2023-11-24T05:12:61Z"));
  CHECK_FALSE(parse_date("2023-11-24T05:12:00+24:00"));
  CHECK_FALSE(parse_date("31 Apr 2023 05:12:00 GMT"));
}

TEST_CASE("parse_date rejects text that is not a date", "[date]") {
  CHECK_FALSE(parse_date(""));
  CHECK_FALSE(parse_date("yesterday"));
  CHECK_FALSE(parse_date("2023-11-24T05:12:00Zjunk"));
  CHECK_FALSE(parse_date("2023-11-24T05:12:00."));
  CHECK_FALSE(parse_date("2023/11/24"));
  CHECK_FALSE(parse_date("23-11-24"));
  CHECK_FALSE(parse_date("Fri, 24 Foo 2023 05:12:00 GMT"));
  CHECK_FALSE(parse_date("Fri, 24 Nov 2023 05:12:00 XYZ"));
  CHECK_FALSE(parse_date("1700812320"));  // a Unix time is not one of the accepted forms
}

TEST_CASE("parse_date reads a leap second as the next instant", "[date]") {
  CHECK(parse_date("2016-12-31T23:59:60Z") == utc(2017, 1, 1, 0, 0, 0));
}

TEST_CASE("format_timestamp writes YYYY-MM-DDTHH:MM:SSZ", "[date]") {
  CHECK(format_timestamp(utc(2023, 11, 24, 5, 12, 0)) == "2023-11-24T05:12:00Z");
  CHECK(format_timestamp(utc(1999, 1, 2, 3, 4, 5)) == "1999-01-02T03:04:05Z");
  CHECK(format_timestamp(Timestamp{}) == "1970-01-01T00:00:00Z");
  // 1700802720 is 2023-11-24T05:12:00Z (date -u -d @1700802720).
  CHECK(format_timestamp(Timestamp{seconds{1700802720}}) == "2023-11-24T05:12:00Z");
}

TEST_CASE("format_timestamp handles instants before 1970", "[date]") {
  CHECK(format_timestamp(utc(1969, 12, 31, 23, 59, 59)) == "1969-12-31T23:59:59Z");
}

TEST_CASE("read_date refuses instants outside the years 0001-9999 in UTC", "[date]") {
  // 9999-12-31T23:59:59 at -14:00 is 10000-01-01T13:59:59Z, which was printed so and then
  // refused by `check` when read back.
  CHECK(read_date("9999-12-31T23:59:59-14:00").error() == DateProblem::kOutOfRange);
  CHECK(read_date("0001-01-01T00:00:00+00:01").error() == DateProblem::kOutOfRange);
  CHECK(read_date("0000-06-15").error() == DateProblem::kOutOfRange);
  CHECK_FALSE(parse_date("9999-12-31T23:59:59-14:00"));
  CHECK(read_date("last Tuesday").error() == DateProblem::kNotADate);
  CHECK(read_date("2023-02-30").error() == DateProblem::kNotADate);
  // The edges themselves are in.
  CHECK(read_date("0001-01-01T00:00:00Z") == utc(1, 1, 1));
  CHECK(read_date("9999-12-31T23:59:59Z") == utc(9999, 12, 31, 23, 59, 59));
  CHECK(read_date("9999-12-31T23:59:59+14:00") == utc(9999, 12, 31, 9, 59, 59));
  CHECK(read_date("0001-01-01T14:00:00+14:00") == utc(1, 1, 1));
  CHECK(read_date("0001-01-01T13:59:59+14:00").error() == DateProblem::kOutOfRange);
}

TEST_CASE("every instant read_date accepts is printed so that it reads back", "[date]") {
  for (const char* text :
       {"0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59+14:00",
        "0001-01-01T10:00:00+09:59", "Fri, 31 Dec 9999 23:59:59 +0000", "1969-12-31T23:59:59Z"}) {
    INFO(text);
    auto t = read_date(text);
    REQUIRE(t);
    CHECK(read_date(format_timestamp(*t)) == t);
  }
}
