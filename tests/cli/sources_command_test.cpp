// `newsdb sources add/list/remove`, run as a user would, on every backend of the run.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "store/postgres/database_uri.hpp"
#include "support/backends.hpp"
#include "support/cli_db.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

using namespace newsdb;
using test::backends;

TEST_CASE("sources add registers once, canonicalised, again changes only the interval",
          "[cli][sources]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      test::CliDb db(backend);
      auto first = db.run({"sources", "add", "https://Example.COM/feed.xml?utm_source=x#top"});
      CHECK(first.exit_code == 0);
      CHECK(first.out ==
            "added https://example.com/feed.xml (every 30m; due now: run `newsdb fetch`)\n");
      auto again = db.run({"sources", "add", "https://example.com/feed.xml"});
      CHECK(again.exit_code == 0);
      CHECK(again.out == "already registered: https://example.com/feed.xml (every 30m)\n");
      auto slower = db.run({"sources", "add", "https://example.com/feed.xml", "--every", "2h"});
      CHECK(slower.exit_code == 0);
      CHECK(slower.out == "updated https://example.com/feed.xml: now polled every 2h\n");

      auto list = db.run({"sources", "list", "--format", "json"});
      REQUIRE(list.exit_code == 0);
      auto json = nlohmann::json::parse(list.out);
      REQUIRE(json.size() == 1);
      CHECK(json[0]["url"] == "https://example.com/feed.xml");
      CHECK(json[0]["every"] == "2h");
      CHECK(json[0]["everySeconds"] == 7200);
      CHECK(json[0]["errorCount"] == 0);
      CHECK(json[0]["lastFetchAt"].is_null());
      CHECK(json[0]["nextDueAt"].is_null());
    }
  }
}

TEST_CASE("sources add refuses what cannot be polled, saying what to type", "[cli][sources]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      test::CliDb db(backend);
      auto ftp = db.run({"sources", "add", "ftp://example.com/feed"});
      CHECK(ftp.exit_code == 2);
      CHECK_THAT(ftp.err, Catch::Contains("not an http:// or https:// URL"));
      auto relative = db.run({"sources", "add", "feed.xml"});
      CHECK(relative.exit_code == 2);
      auto every = db.run({"sources", "add", "https://example.com/f", "--every", "10"});
      CHECK(every.exit_code == 2);
      CHECK_THAT(every.err, Catch::Contains("30m, 2h, 1d"));
      auto list = db.run({"sources", "list", "--format", "json"});
      CHECK(list.out == "[]\n");
    }
  }
}

TEST_CASE("sources list shows a table with every column", "[cli][sources]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      test::CliDb db(backend);
      REQUIRE(db.run({"sources", "add", "https://a.example/feed"}).exit_code == 0);
      auto list = db.run({"sources", "list"});
      CHECK(list.exit_code == 0);
      CHECK_THAT(list.out,
                 Catch::StartsWith("URL                     EVERY  LAST FETCH  STATUS  NEW  "
                                   "ERRORS  NEXT DUE  LAST ERROR\n"));
      CHECK_THAT(list.out,
                 Catch::Contains("https://a.example/feed  30m    never       -         0"));
    }
  }
}

TEST_CASE("sources remove: a known source goes, an unknown one is exit 1", "[cli][sources]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      test::CliDb db(backend);
      REQUIRE(db.run({"sources", "add", "https://a.example/feed"}).exit_code == 0);
      auto unknown = db.run({"sources", "remove", "https://b.example/feed"});
      CHECK(unknown.exit_code == 1);
      CHECK_THAT(unknown.err, Catch::Contains("not a registered source"));
      auto removed = db.run({"sources", "remove", "https://a.example/feed"});
      CHECK(removed.exit_code == 0);
      CHECK(db.run({"sources", "list", "--format", "json"}).out == "[]\n");
    }
  }
}

TEST_CASE("sources list on a database that does not exist yet is empty, not an error",
          "[cli][sources]") {
  test::TempDir dir;
  std::vector<std::string> missing{(dir.path() / "news.sqlite").string()};
  if (auto server = test::postgres_test_uri()) {
    missing.push_back(*postgres::with_database(*server, "newsdb_sources_never_created"));
  }
  for (const auto& db : missing) {
    INFO(db);
    auto list = test::run_newsdb({"--db", db, "sources", "list"});
    CHECK(list.exit_code == 0);
    CHECK_THAT(list.out, Catch::Contains("no sources"));
  }
}
