// `newsdb import` and `newsdb errors` as a user runs them: streams, summaries and exit status on
// every backend of the run, and SQLite's database path rules.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <newsdb/article.hpp>

#include "ingest/import_fixtures.hpp"
#include "support/backends.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace newsdb;
using test::article_md;
using test::run_newsdb;
using test::write_file;

namespace {

// The summary line up to " in N.NN s": the timing varies from run to run.
std::string summary_counts(const std::string& out) { return out.substr(0, out.find(" in ")); }

// Sets an environment variable for the duration of a scope (the child inherits it).
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) {
      ::setenv(name, value->c_str(), 1);
    } else {
      ::unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("import prints a summary on stdout, nothing on stderr, and exits 0", "[cli][import]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::TempDir dir;
      write_file(dir.path() / "in" / "a.md", article_md("https://e.com/a", "A"));
      write_file(dir.path() / "in" / "b.md", article_md("https://e.com/b", "B"));
      test::FreshStore fresh(backend);
      const std::string db = fresh.spec();
      auto r = run_newsdb({"--db", db, "import", (dir.path() / "in").string()});
      CHECK(r.exit_code == 0);
      CHECK(r.err.empty());  // no progress bar when stderr is not a terminal
      CHECK(summary_counts(r.out) ==
            "imported: 2 new, 0 updated, 0 unchanged, 0 skipped, 0 failed");
      CHECK_THAT(r.out, Catch::Matches(".* in [0-9]+\\.[0-9]{2} s \\([0-9]+ docs/s\\)\n"));

      auto again = run_newsdb({"--db", db, "import", (dir.path() / "in").string()});
      CHECK(summary_counts(again.out) ==
            "imported: 0 new, 0 updated, 2 unchanged, 0 skipped, 0 failed");
    }
  }
}

TEST_CASE("import --report json gives the DESIGN fields, a bad file fails with exit 1",
          "[cli][import]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::TempDir dir;
      auto good = dir.path() / "in" / "good.md";
      auto bad = dir.path() / "in" / "bad.md";
      write_file(good, article_md("https://e.com/a", "A"));
      write_file(bad, "---\ntitle: Broken\noriginalUrl: https://e.com/b\nheat: [1\n---\n");
      test::FreshStore fresh(backend);
      const std::string db = fresh.spec();
      auto r = run_newsdb({"--db", db, "import", "--report", "json", (dir.path() / "in").string()});
      CHECK(r.exit_code == 1);
      auto report = Json::parse(r.out);
      CHECK(report["new"] == 1);
      CHECK(report["updated"] == 0);
      CHECK(report["unchanged"] == 0);
      CHECK(report["skipped"] == 0);
      CHECK(report["failed"] == 1);
      REQUIRE(report["errors"].size() >= 1);  // the parser may say more than one thing about it
      for (const auto& each : report["errors"]) CHECK(each["path"] == bad.string());
      const auto& e = report["errors"][0];
      CHECK(e["path"] == bad.string());
      CHECK(e["line"].get<int>() >= 4);
      CHECK(e.contains("column"));
      CHECK(e.contains("field"));
      CHECK_FALSE(e["message"].get<std::string>().empty());
      // The diagnostic on stderr, in the compiler form, as `check` prints it.
      CHECK_THAT(r.err,
                 Catch::StartsWith(bad.string() + ":" + std::to_string(e["line"].get<int>())));
      CHECK_THAT(r.err, Catch::Contains(": error: "));
      auto check = run_newsdb({"check", bad.string()});
      CHECK_THAT(r.err, Catch::Contains(check.err));
    }
  }
}

TEST_CASE("newsdb errors lists failed files until an import fixes them", "[cli][errors]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::TempDir dir;
      auto bad = dir.path() / "bad.md";
      write_file(bad, article_md("https://e.com/b", "B", "quality: high\n"));
      test::FreshStore fresh(backend);
      const std::string db = fresh.spec();
      CHECK(run_newsdb({"--db", db, "import", bad.string()}).exit_code == 1);

      auto listed = run_newsdb({"--db", db, "errors"});
      CHECK(listed.exit_code == 0);
      CHECK_THAT(listed.out, Catch::StartsWith(bad.string() + ":4:"));
      CHECK_THAT(listed.out, Catch::Contains("1 input failed"));
      auto json = run_newsdb({"--db", db, "errors", "--format", "json"});
      auto errors = Json::parse(json.out);
      REQUIRE(errors.size() == 1);
      CHECK(errors[0]["path"] == bad.string());
      CHECK(errors[0]["line"] == 4);
      CHECK(errors[0]["field"] == "quality");

      write_file(bad, article_md("https://e.com/b", "B", "quality: 9\n"));
      auto fixed = run_newsdb({"--db", db, "import", bad.string()});
      CHECK(fixed.exit_code == 0);
      CHECK(summary_counts(fixed.out) ==
            "imported: 1 new, 0 updated, 0 unchanged, 0 skipped, 0 failed");
      CHECK(run_newsdb({"--db", db, "errors"}).out == "no failed inputs\n");
      CHECK(run_newsdb({"--db", db, "errors", "--format", "json"}).out == "[]\n");
    }
  }
}

TEST_CASE("import - reads NDJSON records from stdin", "[cli][import]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::TempDir dir;
      test::FreshStore fresh(backend);
      const std::string db = fresh.spec();
      std::string records =
          "{\"title\": \"One\", \"originalUrl\": \"https://e.com/1\"}\n"
          "{\"title\": \"Two\", \"originalUrl\": \"https://e.com/2\", \"topics\": [\"AI\"]}\n"
          "not json\n";
      auto r = run_newsdb({"--db", db, "import", "-"}, records);
      CHECK(r.exit_code == 1);
      CHECK(summary_counts(r.out) ==
            "imported: 2 new, 0 updated, 0 unchanged, 0 skipped, 1 failed");
      CHECK_THAT(r.err, Catch::Contains(":3:"));
      auto stored = run_newsdb({"--db", db, "sql", "--format", "json",
                                "SELECT (SELECT count(*) FROM articles) AS articles, "
                                "(SELECT count(*) FROM import_files) AS files"});
      REQUIRE(stored.exit_code == 0);
      CHECK(Json::parse(stored.out)[0]["articles"] == 2);
      CHECK(Json::parse(stored.out)[0]["files"] == 0);  // stdin has no record

      auto again = run_newsdb({"--db", db, "import", "-"}, records.substr(0, records.rfind("not")));
      CHECK(again.exit_code == 0);
      CHECK(summary_counts(again.out) ==
            "imported: 0 new, 0 updated, 2 unchanged, 0 skipped, 0 failed");
    }
  }
}

TEST_CASE("import --dry-run writes nothing, not even a new database", "[cli][import]") {
  test::TempDir dir;
  write_file(dir.path() / "a.md", article_md("https://e.com/a", "A"));
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend, test::Creation::kLater);
      auto r =
          run_newsdb({"--db", fresh.spec(), "import", "--dry-run", (dir.path() / "a.md").string()});
      CHECK(r.exit_code == 0);
      CHECK_THAT(r.out, Catch::StartsWith("would import: 1 new, 0 updated"));
      CHECK_THAT(r.out, Catch::Contains("dry run"));
      CHECK_FALSE(fresh.exists());
    }
  }
}

// The rest of this file is SQLite's alone: where a database file goes (PostgreSQL databases are
// named by a URI, not found on a path), and refusing files that are not newsdb's (PostgreSQL's
// twins, a database of another program and one from a newer newsdb, are in
// tests/store/postgres_schema_test.cpp).
TEST_CASE("the database goes where --db, NEWSDB_DB or XDG_DATA_HOME say, parents created",
          "[cli][import]") {
  test::TempDir dir;
  auto input = dir.path() / "a.md";
  write_file(input, article_md("https://e.com/a", "A"));

  SECTION("--db with missing folders") {
    auto db = dir.path() / "x" / "y" / "news.sqlite";
    CHECK(run_newsdb({"--db", db.string(), "import", input.string()}).exit_code == 0);
    CHECK(fs::exists(db));
  }
  SECTION("NEWSDB_DB") {
    std::string db = (dir.path() / "env" / "news.sqlite").string();
    ScopedEnv env("NEWSDB_DB", &db);
    CHECK(run_newsdb({"import", input.string()}).exit_code == 0);
    CHECK(fs::exists(db));
  }
  SECTION("XDG_DATA_HOME") {
    std::string xdg = (dir.path() / "xdg").string();
    ScopedEnv no_db("NEWSDB_DB", nullptr);
    ScopedEnv env("XDG_DATA_HOME", &xdg);
    CHECK(run_newsdb({"import", input.string()}).exit_code == 0);
    CHECK(fs::exists(dir.path() / "xdg" / "newsdb" / "newsdb.sqlite"));
  }
}

TEST_CASE("import refuses a file that is not a newsdb database, or one from a newer newsdb",
          "[cli][import]") {
  test::TempDir dir;
  auto input = dir.path() / "a.md";
  write_file(input, article_md("https://e.com/a", "A"));

  auto notes = dir.path() / "notes.txt";
  write_file(notes, "my notes\n" + std::string(4000, 'n'));
  auto r = run_newsdb({"--db", notes.string(), "import", input.string()});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("not a newsdb database"));
  CHECK(test::read_all(notes).starts_with("my notes\n"));  // untouched

  auto other = dir.path() / "other.sqlite";
  {
    auto db = sqlite::Database::open(other.string(), sqlite::Database::Access::kReadWrite);
    REQUIRE(db);
    REQUIRE(db->exec("CREATE TABLE mine (x)"));
  }
  r = run_newsdb({"--db", other.string(), "import", input.string()});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("not a newsdb one"));

  auto newer = dir.path() / "newer.sqlite";
  REQUIRE(run_newsdb({"--db", newer.string(), "import", input.string()}).exit_code == 0);
  {
    auto db = sqlite::Database::open(newer.string(), sqlite::Database::Access::kReadWrite);
    REQUIRE(db);
    REQUIRE(db->exec("PRAGMA user_version = 99"));
  }
  r = run_newsdb({"--db", newer.string(), "import", input.string()});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("newer newsdb"));
}
