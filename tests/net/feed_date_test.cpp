// Dates as feeds write them (tests/data/feeds/dates): each item's title is the instant it must
// get, in UTC, or "fetched" where none can be read without guessing.
#include <catch2/catch.hpp>
#include <chrono>
#include <newsdb/date.hpp>
#include <newsdb/feed.hpp>

#include "support/fixtures.hpp"

using namespace newsdb;

namespace {

const Timestamp kFetchedAt{std::chrono::sys_days{std::chrono::year{2023} / 12 / 10}};

ParsedFeed parse(const std::string& fixture) {
  FeedContext ctx;
  ctx.url = "http://dates.example/" + fixture;
  ctx.fetched_at = kFetchedAt;
  auto r = parse_feed(test::read_fixture("feeds/dates/" + fixture), ctx);
  if (!r) FAIL("parse_feed failed: " << r.error().message);
  return *r;
}

// How many items got the date their title says.
std::size_t dated_as_titled(const ParsedFeed& feed) {
  std::size_t right = 0;
  for (const auto& a : feed.articles) {
    INFO("item " << a.web_url.value_or("?"));
    REQUIRE(a.published_date_time.has_value());
    if (a.title == "fetched") {
      CHECK(*a.published_date_time == kFetchedAt);
      CHECK(a.extra.value(kDateSourceField, "") == "fetched");
      if (*a.published_date_time == kFetchedAt) ++right;
    } else {
      CHECK(format_timestamp(*a.published_date_time) == a.title);
      CHECK_FALSE(a.extra.contains(kDateSourceField));
      if (format_timestamp(*a.published_date_time) == a.title) ++right;
    }
  }
  return right;
}

}  // namespace

TEST_CASE("RSS dates: RFC 822 variants, asctime, W3CDTF reduced precision, Dublin Core terms",
          "[net][feed][dates]") {
  auto feed = parse("rss-dates.xml");
  REQUIRE(feed.articles.size() == 20);
  CHECK(dated_as_titled(feed) == 20);
  // Each date that could not be read says so, with what was written.
  std::size_t unreadable = 0;
  for (const auto& d : feed.diagnostics) {
    if (d.field == "date" && d.message.find("unreadable date") != std::string::npos) ++unreadable;
  }
  CHECK(unreadable == 4);
}

TEST_CASE("Atom dates: published over updated wherever they appear, Atom 0.3 and dc:date",
          "[net][feed][dates]") {
  auto feed = parse("atom-dates.xml");
  REQUIRE(feed.articles.size() == 5);
  CHECK(dated_as_titled(feed) == 5);
}
