// `newsdb query` and `newsdb search` as a user runs them: formats, defaults, exit statuses, on
// every backend of the run (cli_store.hpp).
#include <catch2/catch.hpp>
#include <newsdb/article_json.hpp>

#include "cli/cli_store.hpp"
#include "store/postgres/database_uri.hpp"

using namespace newsdb;
using namespace newsdb::test;

TEST_CASE("query --format json prints articles with the format's fields and an id",
          "[cli][query]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& cli = CliStore::get(backend);
      auto ran = cli.run({"query", "--topic", "ties", "--format", "json"});
      REQUIRE(ran.status == 0);
      Json all = Json::parse(ran.out);
      REQUIRE(all.is_array());
      REQUIRE(all.size() == 4);
      CHECK(all[0]["originalUrl"] == "https://tie.example/a");
      CHECK(all[0]["publishedDateTime"] == "2024-02-01T12:00:00Z");
      CHECK(all[0]["provider"]["domain"] == "tie.example");
      CHECK(all[0]["id"].is_number_integer());
      CHECK(all[0].begin().key() == "id");
      CHECK(all[3]["title"] == "An undated story about ties");
      CHECK_FALSE(all[3].contains("publishedDateTime"));
    }
  }
}

TEST_CASE("a JSON article re-reads as the record that was imported", "[cli][query]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& cli = CliStore::get(backend);
      auto ran = cli.run({"query", "--provider", "everything.example", "--format", "ndjson"});
      REQUIRE(ran.status == 0);
      auto rows = lines(ran.out);
      REQUIRE(rows.size() == 1);
      auto parsed = article_from_json(Json::parse(rows[0]));
      REQUIRE(parsed.has_value());
      const Article* expected = nullptr;
      for (const auto& a : cli.articles()) {
        if (a.canonical_url == "https://everything.example/article?id=7") expected = &a;
      }
      REQUIRE(expected != nullptr);
      CHECK(*parsed == *expected);
    }
  }
}

TEST_CASE("without a terminal, query prints TSV with a header: id, date, provider, title, url",
          "[cli][query]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& cli = CliStore::get(backend);
      auto ran = cli.run({"query", "--topic", "Ties", "--limit", "2"});
      REQUIRE(ran.status == 0);
      auto rows = lines(ran.out);
      REQUIRE(rows.size() == 3);
      CHECK(rows[0] == "id\tpublishedDateTime\tprovider\ttitle\turl");
      CHECK(rows[1].find(
                "\t2024-02-01T12:00:00Z\tTie Times\tTie a: three stories in the same second\t"
                "https://tie.example/a") != std::string::npos);
      CHECK(ran.out.find('\x1b') == std::string::npos);
      CHECK(ran.err.empty());
    }
  }
}

TEST_CASE("csv is RFC 4180: quotes doubled, fields with commas quoted, CRLF", "[cli][query]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& cli = CliStore::get(backend);
      auto ran = cli.run({"query", "--provider", "oreilly.example", "--format", "csv"});
      REQUIRE(ran.status == 0);
      CHECK(ran.out.find("\r\n") != std::string::npos);
      auto records = csv_records(ran.out);
      REQUIRE(records.size() == 2);
      CHECK(records[0][0] == "id");
      CHECK(records[0][2] == "title");
      CHECK(records[1][2] == "Bobby \"Tables\" O'Reilly; -- 100% _real_");
      CHECK(records[1][4] == "O'Reilly \"Radar\"");
      CHECK(records[1][6] == "'; DROP TABLE articles; --; Security");
      CHECK(records[1].size() == records[0].size());
    }
  }
}

TEST_CASE("urls prints canonical URLs in the query's order", "[cli][query]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& cli = CliStore::get(backend);
      auto ran = cli.run({"query", "--topic", "Ties", "--sort", "oldest", "--format", "urls"});
      REQUIRE(ran.status == 0);
      CHECK(lines(ran.out) ==
            std::vector<std::string>{"https://tie.example/a", "https://tie.example/b",
                                     "https://tie.example/c", "https://tie.example/undated"});
    }
  }
}

TEST_CASE("bad options are usage errors (exit 2) that say what to type", "[cli][query]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& cli = CliStore::get(backend);
      struct Case {
        std::vector<std::string> args;
        std::string says;
      };
      for (const auto& c : std::vector<Case>{{{"query", "--sort", "random"}, "newest"},
                                             {{"query", "--since", "yesterday"}, "7d"},
                                             {{"query", "--limit", "-5"}, "--limit"},
                                             {{"query", "--format", "xml"}, "json"},
                                             {{"query", "--published", "maybe"}, "yes or no"},
                                             {{"query", "--sort", "relevance"}, "--text"}}) {
        auto ran = cli.run(c.args);
        INFO(c.args[1] << " " << c.args[2] << ": " << ran.err);
        CHECK(ran.status == 2);
        CHECK_THAT(ran.err, Catch::Contains(c.says));
        CHECK(ran.out.empty());
      }
    }
  }
}

TEST_CASE("a missing database is an error that says to import first", "[cli][query]") {
  TempDir dir;
  auto ran = run_cli({"--db", (dir.path() / "none.sqlite").string(), "query"});
  CHECK(ran.status == 1);
  CHECK_THAT(ran.err, Catch::Contains("newsdb import"));
  CHECK_FALSE(std::filesystem::exists(dir.path() / "none.sqlite"));  // a query never creates one

  if (auto server = postgres_test_uri()) {
    auto missing = postgres::with_database(*server, "newsdb_never_created");
    REQUIRE(missing.has_value());
    auto on_pg = run_cli({"--db", *missing, "query"});
    CHECK(on_pg.status == 1);
    CHECK_THAT(on_pg.err, Catch::Contains("newsdb import"));
    auto again = run_cli({"--db", *missing, "query"});  // still missing: nothing was created
    CHECK_THAT(again.err, Catch::Contains("no PostgreSQL database"));
  }
}

TEST_CASE("search finds words as written, accents optional, best match first", "[cli][search]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& cli = CliStore::get(backend);
      auto ran = cli.run({"search", "quantum", "--provider", "rank.example", "--format", "urls"});
      REQUIRE(ran.status == 0);
      CHECK(lines(ran.out) == std::vector<std::string>{"https://rank.example/title",
                                                       "https://rank.example/excerpt",
                                                       "https://rank.example/body"});
      auto cafe = cli.run({"search", "cafe", "culture", "--format", "urls"});
      REQUIRE(cafe.status == 0);
      CHECK(lines(cafe.out) ==
            std::vector<std::string>{"https://www.lemonde.fr/food/cafe-culture-returns"});
      auto odd = cli.run({"search", "Bobby \"Tables\" O'Reilly; --", "--format", "urls"});
      REQUIRE(odd.status == 0);
      CHECK(lines(odd.out) == std::vector<std::string>{"https://radar.example/bobby-tables"});
      auto punctuation = cli.run({"search", "(", "-", "*", "NOT", "\"", "--format", "urls"});
      CHECK(punctuation.status == 0);
    }
  }
}

TEST_CASE("search --raw passes FTS5 syntax, a syntax error exits 2 with a clear message",
          "[cli][search]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& cli = CliStore::get(backend);
      auto ok = cli.run({"search", "--raw", "quantum NOT milestone", "--provider", "rank.example",
                         "--format", "urls"});
      REQUIRE(ok.status == 0);
      CHECK(lines(ok.out).size() == 2);
      auto bad = cli.run({"search", "--raw", "quantum AND ("});
      CHECK(bad.status == 2);
      CHECK_THAT(bad.err, Catch::Contains("FTS5") && Catch::Contains("--raw"));
      auto empty = cli.run({"search", "   "});
      CHECK(empty.status == 2);
    }
  }
}

TEST_CASE("on a terminal: a table with colour and a snippet, NO_COLOR turns colour off",
          "[cli][search]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& cli = CliStore::get(backend);
      std::vector<std::string> args{"--db", cli.db(), "search", "espresso"};
      auto coloured = run_cli(args, {}, /*terminal=*/true);
      REQUIRE(coloured.status == 0);
      CHECK_THAT(coloured.out, Catch::Contains("TITLE") && Catch::Contains("\x1b[1;33m"));
      CHECK_THAT(coloured.out, Catch::Contains("espresso"));
      auto plain = run_cli(args, {"NO_COLOR=1"}, /*terminal=*/true);
      REQUIRE(plain.status == 0);
      CHECK_THAT(plain.out, Catch::Contains("TITLE") && Catch::Contains("espresso"));
      CHECK(plain.out.find('\x1b') == std::string::npos);
      for (const auto& line : lines(plain.out)) {
        std::string visible = line;
        if (!visible.empty() && visible.back() == '\r') visible.pop_back();
        CHECK(visible.size() <= 100 * 4);  // bytes; the width check is in the table tests
      }
    }
  }
}
