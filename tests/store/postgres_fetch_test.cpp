// Feeds on PostgreSQL, as a user runs them: `sources add`, `fetch`, `sources list` and a search of
// what arrived, against the loopback feed server, with the feed state (ETags, statuses, error
// counts) kept in the PostgreSQL source registry. The full fetch suite is
// tests/cli/fetch_command_test.cpp (SQLite); this pins the same behaviour on the second backend.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/fixtures.hpp"
#include "support/http_server.hpp"
#include "support/pg_database.hpp"
#include "support/process.hpp"

using namespace newsdb;

namespace {

test::ProcessResult run(const test::PgDatabase& db, std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", db.uri()});
  return test::run_newsdb(args);
}

}  // namespace

TEST_CASE("PostgreSQL: fetch imports feeds, keeps their state, and the next poll is 304s",
          "[store][postgresql][fetch]") {
  auto db = test::PgDatabase::make(/*create=*/false);
  if (!db) return;
  test::HttpServer server;
  server.route("/rss.xml", {.body = test::read_fixture("feeds/rss2.xml"), .etag = "\"r1\""});
  server.route("/feed.json",
               {.body = test::read_fixture("feeds/jsonfeed.json"), .etag = "\"j1\"", .gzip = true});
  server.route("/error.xml", {.status = 500, .body = "oops"});
  for (const char* path : {"/rss.xml", "/feed.json", "/error.xml"}) {
    REQUIRE(run(*db, {"sources", "add", server.url(path)}).exit_code == 0);
  }

  auto first = run(*db, {"fetch", "--retries", "0"});
  INFO(first.out << first.err);
  CHECK(first.exit_code == 1);  // one source failed; the others are imported all the same
  CHECK_THAT(first.out, Catch::Contains("fetched    " + server.url("/rss.xml") +
                                        "    200  6 items: 6 new, 0 updated"));
  CHECK_THAT(first.out, Catch::Contains("HTTP 500 Internal Server Error"));

  auto found = run(*db, {"search", "RTX", "--format", "json"});
  REQUIRE(found.exit_code == 0);
  auto hits = nlohmann::json::parse(found.out);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["title"] == "Chips & Dips: RTX 4090 rebuilt");
  CHECK(hits[0]["provider"]["name"] == "Example Tech & Science");

  auto again = run(*db, {"fetch", "--all", "--retries", "0"});
  CHECK_THAT(again.out, Catch::Contains("2 unchanged"));
  CHECK(server.hits("/rss.xml") == 2);
  auto listed = run(*db, {"sources", "list", "--format", "json"});
  REQUIRE(listed.exit_code == 0);
  auto sources = nlohmann::json::parse(listed.out);
  REQUIRE(sources.size() == 3);
  CHECK(sources[0]["lastStatus"] == 304);
  CHECK(sources[0]["etag"] == "\"r1\"");
  CHECK(sources[0]["errorCount"] == 0);
  CHECK(sources[0]["title"] == "Example Tech & Science");
  CHECK(sources[2]["lastStatus"] == 500);
  CHECK(sources[2]["errorCount"] == 2);
}
