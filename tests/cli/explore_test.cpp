// `newsdb sql` for exploration: its time limit, `newsdb schema` and `sql .schema`, the
// articles_iso view; and `--db` naming a folder.
#include <catch2/catch.hpp>
#include <chrono>
#include <newsdb/date.hpp>

#include "cli/cli_store.hpp"
#include "cli/run_cli.hpp"

using namespace newsdb;
using namespace newsdb::test;

namespace {

// Never ends without a limit: counts an endless recursive sequence.
const char* kRunaway =
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";

}  // namespace

TEST_CASE("sql --timeout stops a runaway query with a message and exit 1", "[cli][sql]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& cli = CliStore::get(backend);
      auto start = std::chrono::steady_clock::now();
      auto ran = cli.run({"sql", "--timeout", "0.5", kRunaway});
      auto took = std::chrono::steady_clock::now() - start;
      CHECK(ran.status == 1);
      CHECK(ran.err ==
            "newsdb: error: a statement ran longer than its time limit of 0.5 s and was stopped: "
            "narrow it (a WHERE or a LIMIT), or give it more time with --timeout SECONDS (0 for "
            "no limit)\n");
      CHECK(took < std::chrono::seconds(20));
      // A query within the limit is not touched by it.
      auto quick = cli.run({"sql", "--timeout", "5", "SELECT 1 AS one"});
      CHECK(quick.status == 0);
      CHECK(quick.out == "one\n1\n");
    }
  }
}

TEST_CASE("sql --timeout takes seconds, 0 or more", "[cli][sql]") {
  auto& cli = CliStore::get();
  auto negative = cli.run({"sql", "--timeout", "-1", "SELECT 1"});
  CHECK(negative.status == 2);
  CHECK_THAT(negative.err, Catch::Contains("--timeout takes seconds, 0 or more"));
  auto word = cli.run({"sql", "--timeout", "soon", "SELECT 1"});
  CHECK(word.status == 2);
  CHECK_THAT(word.err, Catch::Contains("not 'soon'"));
  // fetch's duration form reads too.
  CHECK(cli.run({"sql", "--timeout", "2m", "SELECT 1"}).status == 0);
  CHECK_THAT(run_cli({"help", "sql"}).out, Catch::Contains("--timeout SECONDS=30"));
}

TEST_CASE("schema and sql .schema list the tables, columns and the articles_iso view",
          "[cli][sql]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& cli = CliStore::get(backend);
      auto ran = cli.run({"schema"});
      REQUIRE(ran.status == 0);
      auto out = lines(ran.out);
      for (const char* table : {"articles", "providers", "topics", "article_topics", "images",
                                "related", "import_files", "import_errors", "sources"}) {
        INFO(table);
        CHECK(std::find(out.begin(), out.end(), table) != out.end());
      }
      CHECK(std::find(out.begin(), out.end(),
                      "articles_iso  (view: articles with times as ISO-8601 UTC text and the "
                      "provider's name)") != out.end());
      CHECK_THAT(ran.out, Catch::Contains("\n  published_at") && Catch::Contains("\n  provider "));
      // The full-text index's shadow tables are not the user's.
      CHECK_THAT(ran.out, !Catch::Contains("articles_fts_"));
      auto dot = cli.run({"sql", ".schema"});
      CHECK(dot.status == 0);
      CHECK(dot.out == ran.out);
    }
  }
}

TEST_CASE("articles_iso shows times as ISO-8601 and the provider by name", "[cli][sql]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& cli = CliStore::get(backend);
      const Article* oldest = nullptr;
      for (const auto& a : cli.articles()) {
        if (!a.published_date_time) continue;
        if (!oldest || *a.published_date_time < *oldest->published_date_time ||
            (*a.published_date_time == *oldest->published_date_time &&
             a.canonical_url < oldest->canonical_url)) {
          oldest = &a;
        }
      }
      REQUIRE(oldest);
      auto ran = cli.run({"sql", "SELECT published_at, provider, title FROM articles_iso "
                                 "WHERE published_at IS NOT NULL ORDER BY published_at, url "
                                 "LIMIT 1"});
      REQUIRE(ran.status == 0);
      std::string provider = oldest->provider ? oldest->provider->name : "";
      CHECK(lines(ran.out) ==
            std::vector<std::string>{"published_at\tprovider\ttitle",
                                     format_timestamp(*oldest->published_date_time) + "\t" +
                                         provider + "\t" + oldest->title});
      // The view is the session's: nothing is left in the database.
      auto tables = cli.run({"sql", backend == "sqlite"
                                        ? "SELECT COUNT(*) AS n FROM sqlite_schema WHERE name = "
                                          "'articles_iso'"
                                        : "SELECT COUNT(*) AS n FROM pg_views WHERE schemaname = "
                                          "'public' AND viewname = 'articles_iso'"});
      CHECK(tables.out == "n\n0\n");
    }
  }
}

TEST_CASE("a --db naming a folder says it is a folder, exit 2", "[cli][db]") {
  TempDir dir;
  const std::string folder = dir.path().string();
  const std::string message = "newsdb: error: " + folder +
                              " is a folder, not a database file: name a file instead, for "
                              "example " + folder + "/newsdb.sqlite\n";
  for (auto command : std::vector<std::vector<std::string>>{
           {"query"}, {"stats"}, {"sql", "SELECT 1"}, {"schema"}, {"errors"},
           {"import", std::string(NEWSDB_SAMPLES)}}) {
    command.insert(command.begin(), {"--db", folder});
    auto ran = run_cli(command);
    INFO(command[2]);
    CHECK(ran.status == 2);
    CHECK(ran.err == message);
  }
  auto migrate = run_cli({"migrate", "--from", folder, "--to", (dir.path() / "x.sqlite").string()});
  CHECK(migrate.status == 2);
  CHECK_THAT(migrate.err, Catch::Contains(" is a folder, not a database file"));
}
