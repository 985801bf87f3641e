#include <catch2/catch.hpp>
#include <newsdb/feed_fetch.hpp>

#include "support/fixtures.hpp"
#include "support/http_server.hpp"

using namespace newsdb;
using namespace std::chrono_literals;

TEST_CASE("URLs read once come back parsed, in order, with each failure as a diagnostic",
          "[net][import-url]") {
  test::HttpServer server;
  server.route("/feed.xml", {.body = test::read_fixture("feeds/rss2.xml")});
  server.route("/records.ndjson", {.body = test::read_fixture("feeds/articles.ndjson"),
                                   .content_type = "application/x-ndjson"});
  server.route("/gone", {.status = 410, .body = "gone"});
  server.redirect("/moved.md", "/article.md");
  server.route("/article.md", {.body = test::read_fixture("feeds/article.md"),
                               .content_type = "text/markdown"});
  HttpOptions options;
  options.retry_delay = 10ms;
  auto http = make_curl_client(options);
  FixedClock clock(Timestamp{std::chrono::sys_days{std::chrono::year{2023} / 12 / 10}});

  std::vector<std::string> urls = {server.url("/feed.xml"), server.url("/gone"),
                                   "ftp://example.com/x", server.url("/records.ndjson"),
                                   server.url("/moved.md")};
  auto got = fetch_url_inputs(urls, *http, clock);
  REQUIRE(got.size() == 5);

  CHECK(got[0].url == urls[0]);
  CHECK(got[0].format == FeedFormat::kRss);
  CHECK(got[0].parsed.status == InputStatus::kArticles);
  CHECK(got[0].parsed.articles.size() == 6);
  CHECK(got[0].content_hash.size() == 32);
  CHECK(got[0].bytes == test::read_fixture("feeds/rss2.xml").size());

  CHECK(got[1].parsed.status == InputStatus::kFailed);
  REQUIRE(got[1].parsed.diagnostics.size() == 1);
  CHECK(got[1].parsed.diagnostics[0].message == "HTTP 410 Gone");
  CHECK(got[1].parsed.diagnostics[0].path == urls[1]);

  CHECK(got[2].parsed.status == InputStatus::kFailed);
  CHECK_THAT(got[2].parsed.diagnostics.at(0).message, Catch::Contains("http://"));

  CHECK(got[3].format == FeedFormat::kArticleNdjson);
  CHECK(got[3].parsed.articles.size() == 2);

  CHECK(got[4].final_url == server.url("/article.md"));
  CHECK(got[4].format == FeedFormat::kArticleDocument);
  REQUIRE(got[4].parsed.articles.size() == 1);
  CHECK(got[4].parsed.articles[0].title == "A single article document");
}
