// `newsdb fetch`, run as a user would, against the loopback feed server.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <thread>

#include "support/backends.hpp"
#include "support/cli_db.hpp"
#include "support/fixtures.hpp"
#include "support/http_server.hpp"
#include "support/process.hpp"

using namespace newsdb;
using namespace std::chrono_literals;

namespace {

// `sources list --format json` of `db`.
nlohmann::json sources_of(const test::CliDb& db) {
  auto r = db.run({"sources", "list", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

void serve(test::HttpServer& server, const std::string& path, const std::string& fixture,
           const std::string& etag) {
  server.route(path, {.body = test::read_fixture("feeds/" + fixture), .etag = etag, .gzip = true});
}

}  // namespace

TEST_CASE("fetch imports three feeds, the next fetch of all of them is answered by 304s",
          "[cli][fetch]") {
  test::HttpServer server;
  serve(server, "/rss.xml", "rss2.xml", "\"r1\"");
  serve(server, "/atom.xml", "atom.xml", "\"a1\"");
  serve(server, "/feed.json", "jsonfeed.json", "\"j1\"");
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::CliDb db(backend);
      for (const char* path : {"/rss.xml", "/atom.xml", "/feed.json"}) {
        REQUIRE(db.run({"sources", "add", server.url(path)}).exit_code == 0);
      }

      auto first = db.run({"fetch"});
      CHECK(first.exit_code == 0);
      CHECK_THAT(first.out, Catch::Contains("fetched    " + server.url("/rss.xml") +
                                            "    200  6 items: 6 new, 0 updated"));
      CHECK_THAT(
          first.out,
          Catch::EndsWith("3 sources: 3 fetched (11 new, 0 updated), 0 unchanged, 0 failed\n"));
      CHECK_THAT(first.err, Catch::Contains("warning: item \"From the future\""));

      // The items are searchable at once, with the fields the feeds gave them.
      auto found = db.run({"search", "RTX", "--format", "json"});
      REQUIRE(found.exit_code == 0);
      auto hits = nlohmann::json::parse(found.out);
      REQUIRE(hits.size() == 1);
      CHECK(hits[0]["title"] == "Chips & Dips: RTX 4090 rebuilt");
      // The link is kept as written (resolved); identity drops the tracking parameter.
      CHECK(hits[0]["originalUrl"] == server.url("/news/rtx-4090-rebuilt?utm_source=rss&id=7"));
      CHECK(hits[0]["provider"]["name"] == "Example Tech & Science");

      auto none_due = db.run({"fetch"});
      CHECK(none_due.exit_code == 0);
      CHECK_THAT(none_due.out, Catch::Contains("nothing is due"));

      auto again = db.run({"fetch", "--all"});
      CHECK(again.exit_code == 0);
      CHECK_THAT(
          again.out,
          Catch::EndsWith("3 sources: 0 fetched (0 new, 0 updated), 3 unchanged, 0 failed\n"));
      CHECK(server.hits("/rss.xml") == 2);
      auto sources = sources_of(db);
      for (const auto& s : sources) {
        CHECK(s["lastStatus"] == 304);
        CHECK(s["errorCount"] == 0);
      }
      CHECK(sources[0]["title"] == "Example Tech & Science");
      CHECK(sources[0]["etag"] == "\"r1\"");
      for (const auto& r : server.requests()) {
        CHECK(r.header("user-agent").starts_with("newsdb/"));
      }
    }
  }
}

TEST_CASE("one broken source among good ones: the good are imported, fetch exits 1 naming it",
          "[cli][fetch]") {
  test::HttpServer server;
  serve(server, "/good.xml", "rss2.xml", "\"g\"");
  server.route("/stall.xml", {.body = "<rss/>", .stall = 10s});
  server.route("/error.xml", {.status = 500, .body = "oops"});
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::CliDb db(backend);
      for (const char* path : {"/good.xml", "/stall.xml", "/error.xml", "/missing.xml"}) {
        REQUIRE(db.run({"sources", "add", server.url(path)}).exit_code == 0);
      }
      auto started = std::chrono::steady_clock::now();
      auto r = db.run({"fetch", "--timeout", "1s", "--retries", "0"});
      CHECK(std::chrono::steady_clock::now() - started < 5s);
      CHECK(r.exit_code == 1);
      CHECK_THAT(r.out, Catch::Contains("fetched    " + server.url("/good.xml")));
      CHECK_THAT(r.out, Catch::Contains("FAILED     " + server.url("/stall.xml")));
      CHECK_THAT(r.out, Catch::Contains("HTTP 500 Internal Server Error"));
      CHECK_THAT(r.out, Catch::Contains("HTTP 404 Not Found"));
      CHECK_THAT(r.err,
                 Catch::Contains("3 of 4 sources failed: " + server.url("/stall.xml") + ", " +
                                 server.url("/error.xml") + ", " + server.url("/missing.xml")));
      auto sources = sources_of(db);
      REQUIRE(sources.size() == 4);
      CHECK(sources[0]["lastNewItems"] == 6);
      CHECK(sources[0]["errorCount"] == 0);
      CHECK(sources[1]["errorCount"] == 1);
      CHECK_THAT(sources[1]["lastError"].get<std::string>(), Catch::Contains("timed out"));
      CHECK(sources[1]["lastStatus"].is_null());
      CHECK(sources[2]["lastStatus"] == 500);
      CHECK(sources[3]["lastError"] == "HTTP 404 Not Found");
    }
  }
}

TEST_CASE("fetch of a named source moved permanently follows it for good", "[cli][fetch]") {
  test::HttpServer server;
  serve(server, "/new.xml", "atom.xml", "\"n\"");
  server.redirect("/old.xml", server.url("/new.xml"), 301);
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::CliDb db(backend);
      REQUIRE(db.run({"sources", "add", server.url("/old.xml")}).exit_code == 0);
      auto r = db.run({"fetch", server.url("/old.xml")});
      CHECK(r.exit_code == 0);
      CHECK_THAT(r.out, Catch::Contains("(moved permanently from " + server.url("/old.xml") + ")"));
      auto sources = sources_of(db);
      REQUIRE(sources.size() == 1);
      CHECK(sources[0]["url"] == server.url("/new.xml"));
      auto named_old = db.run({"fetch", server.url("/old.xml")});
      CHECK(named_old.exit_code == 1);
      CHECK_THAT(named_old.err, Catch::Contains("not a registered source"));
    }
  }
}

TEST_CASE("fetch with nothing registered, or bad options, says what to do", "[cli][fetch]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::CliDb db(backend);
      auto none = db.run({"fetch"});
      CHECK(none.exit_code == 0);
      CHECK_THAT(none.out, Catch::Contains("newsdb sources add URL"));
      auto bad = db.run({"fetch", "--timeout", "soon"});
      CHECK(bad.exit_code == 2);
      CHECK_THAT(bad.err, Catch::Contains("--timeout"));
    }
  }
}

TEST_CASE("an undated item keeps its first fetch time when the feed changes later",
          "[cli][fetch]") {
  test::HttpServer server;
  const std::string atom = test::read_fixture("feeds/atom.xml");
  server.route("/atom.xml", {.body = atom, .etag = "\"a1\""});
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::CliDb db(backend);
      REQUIRE(db.run({"sources", "add", server.url("/atom.xml")}).exit_code == 0);
      REQUIRE(db.run({"fetch"}).exit_code == 0);
      auto first = db.run({"show", "https://blog.example.org/undated", "--format", "json"});
      REQUIRE(first.exit_code == 0);
      auto first_date = nlohmann::json::parse(first.out)["publishedDateTime"];
      CHECK(nlohmann::json::parse(first.out)["publishedDateTimeSource"] == "fetched");

      // A second later (dates have whole seconds) the feed has changed: fetched, parsed, and the
      // undated entry is not moved to the new fetch time.
      std::this_thread::sleep_for(1100ms);
      server.route("/atom.xml", {.body = atom + "<!-- v2 -->", .etag = "\"a2\""});
      auto again = db.run({"fetch", "--all"});
      CHECK(again.exit_code == 0);
      CHECK_THAT(again.out, Catch::Contains("3 items: 0 new, 0 updated"));
      auto second = db.run({"show", "https://blog.example.org/undated", "--format", "json"});
      CHECK(nlohmann::json::parse(second.out)["publishedDateTime"] == first_date);
    }
  }
}
