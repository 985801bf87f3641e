// The import's batches share transactions (ImportOptions::batches_per_commit): a process killed
// between two commits keeps whole transactions only, and a re-run redoes exactly the rest.
// SQLite's alone (the PostgreSQL writer commits every batch; its kill test is
// tests/store/postgres_import_kill_test.cpp). The import runs in a forked child so that it can be
// killed like a process, not stopped politely.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "ingest/import_fixtures.hpp"
#include "store/sqlite/database.hpp"

using namespace newsdb;
using Counts = std::vector<std::int64_t>;  // new, updated, unchanged, skipped, failed

namespace {

constexpr int kFiles = 600;          // one article each
constexpr int kBatchArticles = 10;   // so a batch is exactly 10 files
constexpr int kBatchesPerCommit = 3; // so a transaction is exactly 30 articles

ingest::ImportOptions small_transactions() {
  ingest::ImportOptions options;
  options.jobs = 1;
  options.batch.max_articles = kBatchArticles;
  options.batches_per_commit = kBatchesPerCommit;
  return options;
}

// Articles committed so far; 0 while the database cannot be read yet.
std::int64_t committed(const std::string& db) {
  auto opened = sqlite::Database::open(db, sqlite::Database::Access::kReadOnly);
  if (!opened) return 0;
  auto q = opened->prepare("SELECT count(*) FROM articles");
  if (!q || !q->step().value_or(false)) return 0;
  return q->column_int(0);
}

}  // namespace

TEST_CASE("an import killed between shared-transaction commits keeps whole transactions only",
          "[ingest][import][shared-transaction]") {
  test::TempDir dir;
  auto corpus = dir.path() / "corpus";
  for (int i = 0; i < kFiles; ++i) {
    auto n = std::to_string(i);
    test::write_file(corpus / (n + ".md"), test::article_md("https://e.com/" + n, "Article " + n));
  }
  const std::string db = (dir.path() / "db.sqlite").string();

  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    auto options = small_transactions();
    options.sources = {corpus.string()};
    options.database = db;
    FixedClock clock(Timestamp(std::chrono::seconds(1'700'000'000)));
    auto ran = ingest::run_import(options, clock, ingest::ImportObserver{});
    ::_exit(ran ? 0 : 1);
  }
  // Killed as soon as the first transaction is seen, while later ones are being written.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (committed(db) == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  ::kill(child, SIGKILL);
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);

  std::int64_t stored = committed(db);
  INFO("stored " << stored << ", child " << (WIFSIGNALED(status) ? "killed" : "finished"));
  CHECK(WIFSIGNALED(status));  // killed, not finished: 20 commits outlast the first one
  REQUIRE(stored > 0);
  // Whole batches only: a transaction holds up to kBatchesPerCommit of them, fewer when the writer
  // commits early because the next batch is not ready yet (BatchWriter's idle call), so the
  // count is a multiple of the batch, not of the transaction; the import log goes with it.
  CHECK(stored % kBatchArticles == 0);
  CHECK(test::stored_rows(db, "SELECT count(*) FROM import_files") ==
        std::vector<std::string>{std::to_string(stored)});
  CHECK(test::stored_rows(db, "PRAGMA integrity_check") == std::vector<std::string>{"ok"});

  auto again = test::import_into(db, {corpus.string()}, small_transactions());
  CHECK(test::counts(again) == Counts{kFiles - stored, 0, stored, 0, 0});
  CHECK(test::stored_rows(db, "SELECT count(*) FROM articles") ==
        std::vector<std::string>{std::to_string(kFiles)});
  CHECK(test::stored_rows(db, "SELECT count(*) FROM articles_fts") ==
        std::vector<std::string>{std::to_string(kFiles)});
}

TEST_CASE("an import waiting for slow input commits what it has written",
          "[ingest][import][shared-transaction]") {
  // stdin from a pipe that stalls after 64 one-line parts (one parse group): 6 batches of 10 are
  // written, 4 of them in one transaction and 2 in the next, which is committed when the writer
  // finds nothing more to write instead of staying open (with its write lock) until the input
  // ends. Without the idle commit only the first 40 would be visible while the input stalls.
  test::TempDir dir;
  const std::string db = (dir.path() / "db.sqlite").string();
  int input[2];
  REQUIRE(::pipe(input) == 0);
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::close(input[1]);
    if (::dup2(input[0], STDIN_FILENO) < 0) ::_exit(2);
    auto options = small_transactions();
    options.batches_per_commit = 4;
    options.ndjson_part_bytes = 1;  // a part per line
    options.sources = {"-"};
    options.database = db;
    FixedClock clock(Timestamp(std::chrono::seconds(1'700'000'000)));
    auto ran = ingest::run_import(options, clock, ingest::ImportObserver{});
    ::_exit(ran ? 0 : 1);
  }
  ::close(input[0]);
  auto send = [&](int from, int to) {
    std::string text;
    for (int i = from; i < to; ++i) {
      text += "{\"title\": \"T" + std::to_string(i) + "\", \"originalUrl\": \"https://e.com/" +
              std::to_string(i) + "\"}\n";
    }
    REQUIRE(::write(input[1], text.data(), text.size()) == static_cast<ssize_t>(text.size()));
  };
  send(0, 64);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (committed(db) < 60 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  CHECK(committed(db) == 60);  // the 4 left in the filling batch wait for more input
  send(64, 70);
  ::close(input[1]);
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(committed(db) == 70);
}
