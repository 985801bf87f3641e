// The crash loop: imports killed with SIGKILL at random moments, dozens of times. After every kill
// the database must be sound (integrity, foreign keys, FTS, no half-written article, a file is
// recorded exactly when its article is stored), and a re-run must end with exact counts.
// SQLite's alone, for time: 40 kills of a 6000-article import are minutes on PostgreSQL too, past
// the CI budget. PostgreSQL's kill test (same helper, same checks in the server's terms) is
// tests/store/postgres_import_kill_test.cpp.
//
// NEWSDB_CRASH_RUNS sets the number of runs (default 40; the sanitizer build runs fewer).
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>

#include "reliability/reliability_support.hpp"
#include "store/sqlite/database.hpp"
#include "support/kill_child.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace newsdb::test;
using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kArticles = 6000;  // three write batches of 2000

int crash_runs() {
  const char* text = std::getenv("NEWSDB_CRASH_RUNS");
  int n = text ? std::atoi(text) : 0;
  return n > 0 ? n : 40;
}

// Runs an import to completion and returns its JSON report (REQUIREs exit 0).
Json import_report(const std::string& db, const fs::path& corpus, const fs::path& scratch) {
  auto r = run_child({"--db", db, "import", "--report", "json", corpus.string()}, scratch);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return Json::parse(r.out);
}

// Articles the running import has committed so far (the revised ones, for an update); 0 while
// the database cannot be read yet.
std::int64_t articles_committed(const std::string& db, bool update) {
  if (!fs::exists(db)) return 0;
  auto opened = newsdb::sqlite::Database::open(db, newsdb::sqlite::Database::Access::kReadOnly);
  if (!opened) return 0;
  auto q = opened->prepare(update ? "SELECT count(*) FROM articles WHERE title LIKE '% revised'"
                                  : "SELECT count(*) FROM articles");
  if (!q || !q->step().value_or(false)) return 0;
  return q->column_int(0);
}

// Whether the killed run left a database with newsdb's tables. A kill before the schema's first
// commit leaves no file, an empty one, or one with only SQLite's header: each counts as no
// database, and the re-run must start it afresh.
bool has_schema(const std::string& db) {
  return fs::exists(db) &&
         count_of(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'articles'") == 1;
}

struct Tally {
  int killed = 0, finished_first = 0, before_any_commit = 0;
};

}  // namespace

TEST_CASE("imports killed at random moments leave a sound database that a re-run completes",
          "[reliability][crash]") {
  TempDir dir;
  fs::path original = dir.path() / "original", revised = dir.path() / "revised";
  write_corpus(original, 0, kArticles, Revision::kOriginal);
  write_corpus(revised, 0, kArticles, Revision::kRevised);

  // A finished import of the originals: the starting point of the update runs, and the measure of
  // how long a whole import takes (kill moments are spread over it).
  std::string base = (dir.path() / "base.sqlite").string();
  auto started = Clock::now();
  auto first = import_report(base, original, dir.path());
  auto whole = Clock::now() - started;
  REQUIRE(first["new"] == kArticles);
  check_sound(base);

  std::mt19937 random(20261129);
  Tally tally;
  int runs = crash_runs();
  for (int run = 0; run < runs; ++run) {
    // Even runs add the originals to a new database; odd runs update a finished one to the
    // revised versions (the update path deletes and rewrites topics, images and FTS rows).
    bool update = run % 2 == 1;
    std::string db = (dir.path() / ("run" + std::to_string(run) + ".sqlite")).string();
    if (update) fs::copy_file(base, db);
    fs::path corpus = update ? revised : original;
    // Spread over most of a whole import, which the machine's load makes vary from run to run.
    auto wait = std::chrono::duration_cast<std::chrono::microseconds>(
        whole * std::uniform_real_distribution<double>(0.0, 0.9)(random));

    auto child = start_newsdb({"--db", db, "import", "--jobs", "2", corpus.string()}, dir.path());
    REQUIRE(child.pid > 0);
    KillMoment moment{.then = wait};
    // Every third run waits for a random amount of committed progress instead of a time, so that
    // kills land between batches whatever the machine's load does to the timing.
    if (run % 3 == 2) {
      std::int64_t target = std::uniform_int_distribution<int>(1, kArticles - 1)(random);
      // target is copied: it goes out of scope before kill_at calls this.
      moment.progress = [&db, update, target] { return articles_committed(db, update) >= target; };
      moment.then = wait =
          std::chrono::microseconds(std::uniform_int_distribution<int>(0, 50'000)(random));
    }
    bool finished = kill_at(child.pid, moment) == KillOutcome::kFinishedFirst;
    INFO("run " << run << (update ? " (update)" : " (new)") << ", killed after "
                << wait.count() / 1000 << " ms of a "
                << std::chrono::duration_cast<std::chrono::milliseconds>(whole).count()
                << " ms import" << (finished ? ", but it had finished" : ""));
    if (finished) {
      ++tally.finished_first;
    } else {
      ++tally.killed;
    }
    const bool schema = has_schema(db);
    if (update) CHECK(schema);  // the copied finished database is never left without its tables
    if (schema) check_sound(db);

    // What the killed run committed: articles stored, and files recorded, one transaction each.
    std::int64_t stored = schema ? count_of(db, "SELECT count(*) FROM articles") : 0;
    std::int64_t revised_before =
        schema ? count_of(db, "SELECT count(*) FROM articles WHERE title LIKE '% revised'") : 0;
    std::int64_t recorded = schema ? count_of(db, "SELECT count(*) FROM import_files") : 0;
    if (update) {
      CHECK(stored == kArticles);
      CHECK(recorded == kArticles + revised_before);
    } else {
      CHECK(recorded == stored);
      if (stored == 0) ++tally.before_any_commit;
    }

    auto again = import_report(db, corpus, dir.path());
    CHECK(again["failed"] == 0);
    CHECK(again["skipped"] == 0);
    if (update) {
      CHECK(again["new"] == 0);
      CHECK(again["updated"] == kArticles - revised_before);
      CHECK(again["unchanged"] == revised_before);
    } else {
      CHECK(again["new"] == kArticles - stored);
      CHECK(again["updated"] == 0);
      CHECK(again["unchanged"] == stored);
    }
    CHECK(count_of(db, "SELECT count(*) FROM articles") == kArticles);
    CHECK(count_of(db, "SELECT count(*) FROM articles WHERE title LIKE '% revised'") ==
          (update ? kArticles : 0));
    check_sound(db);
    fs::remove(db);
    fs::remove(db + "-wal");
    fs::remove(db + "-shm");
  }
  std::cout << "crash loop: " << runs << " runs, " << tally.killed << " killed ("
            << tally.before_any_commit << " of the new-database runs before any commit), "
            << tally.finished_first << " finished before the kill; a whole import took "
            << std::chrono::duration_cast<std::chrono::milliseconds>(whole).count() << " ms\n";
  CHECK(tally.killed >= runs / 3);  // the loop must really kill, not just watch imports finish
}
