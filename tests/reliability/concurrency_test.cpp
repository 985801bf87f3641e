// Several importers and several readers on one SQLite database at once, for a while: no command
// fails, no "database is locked" (or busy) reaches the user, readers never see the article count
// go down, and at the end every article is there exactly once.
// SQLite's alone: what it pins is SQLite's single-writer locking never reaching the user. On
// PostgreSQL, four concurrent importers are tests/store/postgres_concurrency_test.cpp (library)
// and postgres_import_processes_test.cpp (processes, with a reader).
//
// NEWSDB_STRESS_SECONDS sets how long the importers keep going (default 30).
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "reliability/reliability_support.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace newsdb::test;
using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kImporters = 3;
constexpr int kReaders = 3;
constexpr int kOwnPerRound = 300;    // articles only this importer has, per round
constexpr int kSharedPerRound = 30;  // articles every importer has in that round (same content)

int stress_seconds() {
  const char* text = std::getenv("NEWSDB_STRESS_SECONDS");
  int n = text ? std::atoi(text) : 0;
  return n > 0 ? n : 30;
}

// What went wrong, gathered from every thread and checked on the test's thread (Catch2 v2
// assertions are not thread-safe).
struct Failures {
  std::mutex mutex;
  std::vector<std::string> list;
  void add(std::string what) {
    std::lock_guard lock(mutex);
    list.push_back(std::move(what));
  }
};

bool said_locked(const std::string& err) {
  return err.find("locked") != std::string::npos || err.find("busy") != std::string::npos;
}

}  // namespace

TEST_CASE("several importers and readers share one database: nothing locked, nothing lost",
          "[reliability][concurrency]") {
  TempDir dir;
  std::string db = (dir.path() / "db.sqlite").string();
  auto deadline = Clock::now() + std::chrono::seconds(stress_seconds());
  Failures failures;
  std::atomic<int> imports_done = 0, reads_done = 0;
  std::vector<int> rounds(kImporters, 0);

  // Importers start together on a database that does not exist yet: creating it races too.
  std::vector<std::thread> importers;
  for (int k = 0; k < kImporters; ++k) {
    importers.emplace_back([&, k] {
      fs::path scratch = dir.path() / ("importer" + std::to_string(k));
      fs::create_directories(scratch);
      for (int round = 0; Clock::now() < deadline; ++round) {
        fs::path slice = scratch / ("round" + std::to_string(round));
        write_corpus(slice / "own", 1'000'000 * (k + 1) + round * kOwnPerRound, kOwnPerRound,
                     Revision::kOriginal);
        write_corpus(slice / "shared", round * kSharedPerRound, kSharedPerRound,
                     Revision::kOriginal);
        auto r = run_child({"--db", db, "import", "--report", "json", slice.string()}, scratch);
        if (r.exit_code != 0 || said_locked(r.err)) {
          failures.add("importer " + std::to_string(k) + " round " + std::to_string(round) +
                       ": exit " + std::to_string(r.exit_code) + ": " + r.err);
          return;
        }
        auto report = Json::parse(r.out);
        if (report["failed"] != 0 || report["updated"] != 0 ||
            report["new"].get<int>() + report["unchanged"].get<int>() !=
                kOwnPerRound + kSharedPerRound) {
          failures.add("importer " + std::to_string(k) + ": unexpected report " + r.out);
        }
        rounds[k] = round + 1;
        ++imports_done;
        // The database holds the round now; its files would only fill the disk (~900 MB in 30 s).
        fs::remove_all(slice);
      }
    });
  }

  // Readers begin once the database exists, and keep reading until the importers are done.
  std::atomic<bool> importing = true;
  std::vector<std::thread> readers;
  for (int k = 0; k < kReaders; ++k) {
    readers.emplace_back([&, k] {
      fs::path scratch = dir.path() / ("reader" + std::to_string(k));
      fs::create_directories(scratch);
      while (imports_done == 0 && importing) std::this_thread::sleep_for(std::chrono::milliseconds(20));
      std::int64_t last_count = 0;
      std::vector<std::vector<std::string>> commands = {
          {"sql", "SELECT count(*) AS n FROM articles", "--format", "json"},
          {"query", "--topic", "shared", "--limit", "5", "--format", "json"},
          {"search", "story", "--limit", "3", "--format", "json"},
          {"topics", "--format", "json"},
          {"stats"},
          {"errors", "--format", "json"},
      };
      for (std::size_t i = k; importing; ++i) {
        auto args = commands[i % commands.size()];
        args.insert(args.begin(), {"--db", db});
        auto r = run_child(args, scratch);
        if (r.exit_code != 0 || said_locked(r.err) || !r.err.empty()) {
          failures.add("reader " + std::to_string(k) + " `" + args[2] + "`: exit " +
                       std::to_string(r.exit_code) + ": " + r.err);
          continue;
        }
        if (args[2] == "sql") {
          auto n = Json::parse(r.out)[0]["n"].get<std::int64_t>();
          if (n < last_count) failures.add("reader saw the article count go down");
          last_count = n;
        }
        ++reads_done;
      }
    });
  }

  for (auto& t : importers) t.join();
  importing = false;
  for (auto& t : readers) t.join();

  for (const auto& f : failures.list) FAIL_CHECK(f);
  int max_rounds = *std::max_element(rounds.begin(), rounds.end());
  int total_rounds = 0;
  for (int r : rounds) total_rounds += r;
  std::cout << "concurrency: " << kImporters << " importers ran " << total_rounds
            << " imports, " << kReaders << " readers ran " << reads_done << " commands in "
            << stress_seconds() << " s\n";
  CHECK(total_rounds >= kImporters);
  CHECK(reads_done >= kReaders);
  // Every article exactly once: each importer's own, and the shared ones of every round any
  // importer reached.
  CHECK(count_of(db, "SELECT count(*) FROM articles") ==
        static_cast<std::int64_t>(total_rounds) * kOwnPerRound +
            static_cast<std::int64_t>(max_rounds) * kSharedPerRound);
  CHECK(count_of(db, "SELECT count(*) FROM import_files") ==
        static_cast<std::int64_t>(total_rounds) * (kOwnPerRound + kSharedPerRound));
  CHECK(count_of(db, "SELECT count(*) FROM import_errors") == 0);
  check_sound(db);
}
