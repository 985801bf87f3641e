// What must hold whatever happens to an import: killed at any moment, racing another importer,
// read while it writes; and the real corpus imported exactly.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <newsdb/url.hpp>
#include <random>
#include <set>
#include <thread>

#include "ingest/import_fixtures.hpp"
#include "support/backends.hpp"
#include "support/kill_child.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace newsdb;
using test::article_md;
using test::run_newsdb;
using test::write_file;

namespace {

// N articles, each with two topics and an image, in 100 folders: file i has URL https://e.com/i.
void make_corpus(const fs::path& dir, int first, int count) {
  for (int i = first; i < first + count; ++i) {
    write_file(dir / std::to_string(i % 100) / (std::to_string(i) + ".md"),
               article_md("https://e.com/" + std::to_string(i), "Story number " + std::to_string(i),
                          "topics:\n  - Topic " + std::to_string(i % 7) +
                              "\n  - Shared\nimages:\n  - url: https://img/" + std::to_string(i) +
                              ".jpg\n    width: 10\n"));
  }
}

std::int64_t count_in(const std::string& db, const std::string& sql) {
  return test::SqlView(db).integer(sql);
}

// Whether `db` holds a committed store (the import may be killed before it creates the file, or
// before it commits the schema: then there is nothing to check but the re-run).
bool has_store(const std::string& db) {
  if (!fs::exists(db)) return false;
  auto opened = sqlite::Database::open(db, sqlite::Database::Access::kReadOnly);
  auto q = opened ? opened->prepare("SELECT count(*) FROM sqlite_master WHERE name = 'articles'")
                  : Result<sqlite::Statement>(std::unexpected(opened.error()));
  return q && q->step().value_or(false) && q->column_int(0) == 1;
}

// Whether the import into `db` has committed an article yet.
bool committed_any(const std::string& db) {
  if (!fs::exists(db)) return false;
  auto opened = sqlite::Database::open(db, sqlite::Database::Access::kReadOnly);
  auto q = opened ? opened->prepare("SELECT count(*) FROM articles")
                  : Result<sqlite::Statement>(std::unexpected(opened.error()));
  return q && q->step().value_or(false) && q->column_int(0) > 0;
}

// Every check a killed import's database must pass.
void check_sound(const std::string& db) {
  test::SqlView sql(db);
  CHECK(sql.text("PRAGMA integrity_check") == "ok");
  CHECK(sql.text("PRAGMA foreign_key_check") == "<none>");
  // No half-written article: each has its two topic rows, its image and its indexed text.
  CHECK(sql.integer("SELECT count(*) FROM articles a WHERE (SELECT count(*) FROM article_topics "
                    "t WHERE t.article_id = a.id) != 2") == 0);
  CHECK(sql.integer("SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM images i "
                    "WHERE i.article_id = a.id)") == 0);
  CHECK(sql.integer("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'story'") ==
        sql.integer("SELECT count(*) FROM articles"));
  auto rw = sqlite::Database::open(db, sqlite::Database::Access::kReadWrite);
  REQUIRE(rw);
  auto fts = rw->exec("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')");
  CHECK(fts.has_value());
}

}  // namespace

// SQLite's alone: its soundness checks are SQLite's (integrity_check, foreign_key_check, FTS5).
// The PostgreSQL twin, with the server's checks, is tests/store/postgres_import_kill_test.cpp.
TEST_CASE("an import killed at any moment leaves a sound database and a re-run finishes it",
          "[cli][import][kill]") {
  test::TempDir dir;
  const int n = 3000;
  make_corpus(dir.path() / "corpus", 0, n);
  std::mt19937 random(20261129);
  for (int round = 0; round < 4; ++round) {
    DYNAMIC_SECTION("round " << round) {
      std::string db = (dir.path() / ("db" + std::to_string(round) + ".sqlite")).string();
      pid_t pid = test::start_newsdb_quietly(
          {"--db", db, "import", "--jobs", "2", (dir.path() / "corpus").string()});
      // Even rounds wait for the first committed batch, odd ones may kill before it; then a
      // random while more.
      test::KillMoment moment{.then = std::chrono::milliseconds(random() % 400)};
      if (round % 2 == 0) moment.progress = [&] { return committed_any(db); };
      bool exited = test::kill_at(pid, moment) == test::KillOutcome::kFinishedFirst;
      INFO("killed: " << (exited ? "no (it finished first)" : "yes"));
      std::int64_t before = 0;
      if (has_store(db)) {
        check_sound(db);
        before = count_in(db, "SELECT count(*) FROM articles");
        // A file is recorded exactly when its article is stored (one transaction).
        CHECK(count_in(db, "SELECT count(*) FROM import_files") == before);
      } else {
        CHECK_FALSE(exited);  // killed before the store existed; the re-run must create it
      }

      auto rerun = run_newsdb({"--db", db, "import", "--report", "json",
                               (dir.path() / "corpus").string()});
      REQUIRE(rerun.exit_code == 0);
      auto report = Json::parse(rerun.out);
      CHECK(report["new"] == n - before);
      CHECK(report["unchanged"] == before);
      CHECK(report["updated"] == 0);
      CHECK(report["failed"] == 0);
      CHECK(count_in(db, "SELECT count(*) FROM articles") == n);
      check_sound(db);
    }
  }
}

// SQLite's alone: what it pins is SQLite's locking ("locked", "busy") never reaching the user.
// PostgreSQL's: tests/store/postgres_import_processes_test.cpp (four importers and a reader).
TEST_CASE("two importers into one database both complete while a reader queries it",
          "[cli][import][concurrency]") {
  test::TempDir dir;
  make_corpus(dir.path() / "one", 0, 1500);
  make_corpus(dir.path() / "two", 1000, 1500);  // 500 articles in common, same content
  std::string db = (dir.path() / "db.sqlite").string();
  // The schema first, so that the reader below never meets a database still being created.
  fs::create_directories(dir.path() / "empty");
  REQUIRE(run_newsdb({"--db", db, "import", (dir.path() / "empty").string()}).exit_code == 0);

  test::ProcessResult a, b;
  std::thread ta([&] {
    a = run_newsdb({"--db", db, "import", "--report", "json", (dir.path() / "one").string()});
  });
  std::thread tb([&] {
    b = run_newsdb({"--db", db, "import", "--report", "json", (dir.path() / "two").string()});
  });
  // Meanwhile a reader asks again and again; it never fails.
  int reads = 0;
  for (int i = 0; i < 50; ++i, ++reads) {
    auto r = run_newsdb({"--db", db, "errors", "--format", "json"});
    CHECK(r.exit_code == 0);
    CHECK(r.out == "[]\n");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ta.join();
  tb.join();
  CHECK(a.exit_code == 0);
  CHECK(b.exit_code == 0);
  CHECK_THAT(a.err + b.err, !Catch::Contains("locked") && !Catch::Contains("busy"));
  auto ra = Json::parse(a.out);
  auto rb = Json::parse(b.out);
  // Each article was added by exactly one of them; the common ones the other found unchanged.
  CHECK(ra["new"].get<int>() + rb["new"].get<int>() == 2500);
  CHECK(ra["unchanged"].get<int>() + rb["unchanged"].get<int>() == 500);
  CHECK(count_in(db, "SELECT count(*) FROM articles") == 2500);
  CHECK(count_in(db, "SELECT count(*) FROM import_files") == 3000);
  check_sound(db);
}

TEST_CASE("the real corpus imports with no failure, one article per canonical URL",
          "[cli][import][corpus]") {
  fs::path corpus = fs::path(NEWSDB_TEST_DATA) / "real";
  REQUIRE(fs::is_directory(corpus));
  // The distinct canonical URLs, read from the files' originalUrl (else webUrl) lines.
  std::set<std::string> urls;
  std::size_t articles = 0;
  for (const auto& entry : fs::directory_iterator(corpus)) {
    if (entry.path().extension() != ".md") continue;
    std::ifstream in(entry.path());
    std::string line, original, web;
    while (std::getline(in, line)) {
      if (line.starts_with("originalUrl: ")) original = Json::parse(line.substr(13)).get<std::string>();
      if (line.starts_with("webUrl: ")) web = Json::parse(line.substr(8)).get<std::string>();
    }
    std::string url = original.empty() ? web : original;
    if (url.empty()) continue;
    ++articles;
    auto canonical = canonical_url(url);
    REQUIRE(canonical.has_value());
    urls.insert(*canonical);
  }
  REQUIRE(articles == 866);  // the folder's README

  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend);
      const std::string& db = fresh.spec();
      auto r = run_newsdb({"--db", db, "import", "--report", "json", corpus.string()});
      CHECK(r.exit_code == 0);
      auto report = Json::parse(r.out);
      CHECK(report["failed"] == 0);
      CHECK(report["errors"].empty());
      CHECK(report["new"].get<std::size_t>() == urls.size());
      CHECK(report["new"].get<std::size_t>() + report["updated"].get<std::size_t>() +
                report["unchanged"].get<std::size_t>() ==
            articles);
      const std::string distinct = std::to_string(urls.size());
      CHECK(test::stored_rows(db, "SELECT count(*) FROM articles") == std::vector{distinct});
      CHECK(test::stored_rows(db, "SELECT count(DISTINCT url) FROM articles") ==
            std::vector{distinct});
    }
  }
}
