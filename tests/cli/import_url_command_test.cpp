// `newsdb import URL`, run as a user would, against the loopback feed server.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/backends.hpp"
#include "support/cli_db.hpp"
#include "support/fixtures.hpp"
#include "support/http_server.hpp"
#include "support/process.hpp"

using namespace newsdb;

TEST_CASE("import URL reads feeds once, and a bad URL fails alone, is listed and retried",
          "[cli][import-url]") {
  test::HttpServer server;
  server.route("/feed.xml", {.body = test::read_fixture("feeds/atom.xml"), .gzip = true});
  server.route("/page.html", {.body = test::read_fixture("feeds/page.html"),
                              .content_type = "text/html"});
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::CliDb db(backend);
      auto r = db.run({"import", server.url("/feed.xml"), server.url("/page.html")});
      CHECK(r.exit_code == 1);
      CHECK_THAT(r.out, Catch::StartsWith("imported: 3 new, 0 updated, 0 unchanged, 0 skipped, "
                                          "1 failed"));
      CHECK_THAT(r.err, Catch::Contains(server.url("/page.html") +
                                        ": error: this is an HTML page, not a feed"));

      auto errors = db.run({"errors"});
      CHECK_THAT(errors.out + errors.err, Catch::Contains(server.url("/page.html")));

      auto found = db.run({"search", "XHTML", "--format", "json"});
      REQUIRE(found.exit_code == 0);
      auto hits = nlohmann::json::parse(found.out);
      REQUIRE(hits.size() == 1);
      CHECK(hits[0]["title"] == "Atom & XHTML");
      CHECK(hits[0]["originalUrl"] == "https://blog.example.org/posts/atom-xhtml.html");

      // The page now is a feed: the next import retries it; the feed itself is unchanged.
      server.route("/page.html", {.body = test::read_fixture("feeds/jsonfeed.json"),
                                  .content_type = "application/feed+json"});
      auto again =
          db.run({"import", "--report", "json", server.url("/feed.xml"), server.url("/page.html")});
      CHECK(again.exit_code == 0);
      auto summary = nlohmann::json::parse(again.out);
      CHECK(summary["new"] == 2);
      CHECK(summary["unchanged"] == 3);
      CHECK(summary["failed"] == 0);
      for (const auto& request : server.requests()) {
        CHECK(request.header("user-agent").starts_with("newsdb/"));
      }
    }
  }
}

TEST_CASE("import --help names URLs as sources", "[cli][import-url]") {
  auto r = test::run_newsdb({"import", "--help"});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("http(s) URLs"));
}
