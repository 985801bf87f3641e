// Ampersands as real feeds write them (tests/data/feeds/ampersands): a bare `&` is text, and it
// costs nothing to the escaped ones around it.
#include <catch2/catch.hpp>
#include <chrono>
#include <newsdb/feed.hpp>

#include "support/fixtures.hpp"

using namespace newsdb;

namespace {

ParsedFeed parse(const std::string& fixture) {
  FeedContext ctx;
  ctx.url = "http://amp.example/feed.xml";
  ctx.fetched_at = Timestamp{std::chrono::sys_days{std::chrono::year{2023} / 12 / 10}};
  auto r = parse_feed(test::read_fixture("feeds/ampersands/" + fixture), ctx);
  if (!r) FAIL("parse_feed failed: " << r.error().message);
  return *r;
}

}  // namespace

TEST_CASE("a bare & is literal text and the escaped ones after it still read", "[net][feed][amp]") {
  auto feed = parse("bare-amp.xml");
  CHECK(feed.title == "Fish & Chips Daily");
  REQUIRE(feed.articles.size() == 4);

  CHECK(feed.articles[0].title == "Fish & Chips");
  CHECK(feed.articles[0].web_url == "http://amp.example/a?x=1&y=2");
  CHECK(feed.articles[0].excerpt == "Salt & vinegar");

  CHECK(feed.articles[1].title == "Tom & Jerry");
  CHECK(feed.articles[1].web_url == "http://amp.example/b?x=1&y=2");
  CHECK(feed.articles[1].excerpt == "bold \"quoted\" 'single'");

  // Uppercase X in a hex reference; 146 read as windows-1252 does (a right single quote).
  CHECK(feed.articles[2].title == "ABC \u2019s");
  // Unknown names stay as written; HTML names decode; code points XML forbids become U+FFFD.
  CHECK(feed.articles[2].excerpt ==
        "AT&T &c. &unknown; \u00a9 2004 \u00e9t\u00e9 \ufffd\ufffd end");

  CHECK(feed.articles[3].title == "R&D & more");
  CHECK(feed.articles[3].web_url == "http://amp.example/d?a=1&b=2&c=3");
  CHECK(feed.articles[3].excerpt == "Ben & Jerry's");
}

TEST_CASE("escaped ampersands survive a well-formedness error before them", "[net][feed][amp]") {
  auto feed = parse("tag-error-then-amp.xml");
  REQUIRE(feed.articles.size() == 2);
  CHECK(feed.articles[1].title == "Tom & Jerry <3");
  CHECK(feed.articles[1].web_url == "http://amp.example/2?x=1&y=2");
  CHECK(feed.articles[1].canonical_url == "http://amp.example/2?x=1&y=2");
}
