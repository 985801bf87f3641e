// An import into PostgreSQL killed at any moment (SIGKILL: no clean-up of any kind) leaves a sound
// database, and a re-run finishes it: the PostgreSQL twin of tests/cli/import_robustness_test's
// kill test. A batch's articles are written in one or two transactions (two parts by URL) and its
// import records in the last, so the server rolls back what the kill cut short; what was
// committed is whole (every article with its topics, image and search vector), the import log is
// never ahead of the articles (a recorded input's article is stored), and the re-run finds exactly
// the stored articles unchanged and adds the rest.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <newsdb/article.hpp>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "support/kill_child.hpp"
#include "support/pg_database.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

using namespace newsdb;
namespace fs = std::filesystem;

namespace {

// `count` articles in 30 folders, each with two topics and an image: file i has URL
// https://kill.test/i.
void make_corpus(const fs::path& dir, int count) {
  for (int i = 0; i < count; ++i) {
    fs::path folder = dir / std::to_string(i % 30);
    fs::create_directories(folder);
    std::ofstream(folder / (std::to_string(i) + ".md"), std::ios::binary)
        << "---\ntitle: \"Story number " << i << "\"\noriginalUrl: \"https://kill.test/" << i
        << "\"\npublishedDateTime: 2024-01-01T00:00:00Z\ntopics:\n  - Topic " << i % 7
        << "\n  - Shared\nimages:\n  - url: https://img.test/" << i
        << ".jpg\n    width: 10\n---\nBody of story " << i << ".\n";
  }
}

// The first column of the first row of `sql`, or -1 when the database cannot answer yet (it does
// not exist, or has no tables).
std::int64_t integer(const test::PgDatabase& db, const std::string& sql) {
  auto conn = postgres::Connection::open(db.uri());
  if (!conn) return -1;
  auto r = conn->exec(sql);
  return r && r->rows() == 1 ? r->int64(0, 0) : -1;
}

// Waits (up to 20 s) until the killed importer's server sessions are gone: a COMMIT it sent just
// before the kill may still be carried out, so what is stored is only known after that.
void settle(const test::PgDatabase& db) {
  for (int i = 0; i < 400; ++i) {
    if (integer(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND pid <> pg_backend_pid()") <= 0) {
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

// Every check a killed import's database must pass.
void check_sound(const test::PgDatabase& db) {
  std::int64_t articles = integer(db, "SELECT count(*) FROM articles");
  REQUIRE(articles >= 0);
  CHECK(integer(db, "SELECT count(*) FROM articles a WHERE (SELECT count(*) FROM article_topics t "
                    "WHERE t.article_id = a.id) <> 2") == 0);
  CHECK(integer(db, "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM images i "
                    "WHERE i.article_id = a.id)") == 0);
  CHECK(integer(db, "SELECT count(*) FROM articles WHERE search @@ 'story'::tsquery") == articles);
  // A file is recorded only once its article is stored (file i.md holds https://kill.test/i).
  CHECK(integer(db, "SELECT count(*) FROM import_files f LEFT JOIN (SELECT substring(url from "
                    "'kill\\.test/([0-9]+)') AS n FROM articles) a ON a.n = substring(f.path from "
                    "'([0-9]+)\\.md$') WHERE a.n IS NULL") == 0);
  CHECK(integer(db, "SELECT count(*) FROM import_files") <= articles);
}

}  // namespace

TEST_CASE("a PostgreSQL import killed at any moment leaves a sound database and a re-run finishes "
          "it",
          "[store][postgresql][import][kill]") {
  test::TempDir dir;
  const int n = 5000;  // three batches of at most 2000 articles
  const fs::path corpus = dir.path() / "corpus";
  make_corpus(corpus, n);
  std::mt19937 random(20261129);
  for (int round = 0; round < 3; ++round) {
    DYNAMIC_SECTION("round " << round) {
      auto db = test::PgDatabase::make(/*create=*/false);
      if (!db) return;
      pid_t pid =
          test::start_newsdb_quietly({"--db", db->uri(), "import", "--jobs", "2", corpus.string()});
      // Round 0 kills at once (the database may not even exist yet), the others once the first
      // batch is committed and a random while more, most likely while another is being written.
      test::KillMoment moment{.poll = std::chrono::milliseconds(10),
                              .then = std::chrono::milliseconds(random() % 150)};
      if (round > 0) {
        moment.progress = [&] { return integer(*db, "SELECT count(*) FROM articles") > 0; };
      }
      bool exited = test::kill_at(pid, moment) == test::KillOutcome::kFinishedFirst;
      settle(*db);
      INFO("killed: " << (exited ? "no (it finished first)" : "yes"));
      std::int64_t before = std::max<std::int64_t>(integer(*db, "SELECT count(*) FROM articles"), 0);
      INFO("committed before the kill: " << before << " of " << n);
      if (before > 0) check_sound(*db);

      auto rerun = test::run_newsdb({"--db", db->uri(), "import", "--report", "json",
                                     corpus.string()});
      INFO(rerun.err);
      REQUIRE(rerun.exit_code == 0);
      auto report = Json::parse(rerun.out);
      CHECK(report["new"] == n - before);
      CHECK(report["unchanged"] == before);
      CHECK(report["updated"] == 0);
      CHECK(report["failed"] == 0);
      CHECK(integer(*db, "SELECT count(*) FROM articles") == n);
      CHECK(integer(*db, "SELECT count(*) FROM import_files") == n);
      check_sound(*db);
    }
  }
}
