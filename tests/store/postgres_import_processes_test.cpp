// Many machines feeding one archive, as a user runs it: four `newsdb import` processes of
// overlapping corpora into one PostgreSQL database at once, while another process queries it.
// Every count must come out exact, with no deadlock or serialization failure reaching the user
// (the writer retries those), and every article whole: its topics from the same file as its title.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <newsdb/article.hpp>
#include <string>
#include <thread>
#include <vector>

#include "support/pg_database.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

using namespace newsdb;
namespace fs = std::filesystem;

namespace {

constexpr int kImporters = 4;
constexpr int kSpan = 600;    // articles per importer
constexpr int kStride = 300;  // importer k holds stories [k * kStride, k * kStride + kSpan)
constexpr int kUniverse = (kImporters - 1) * kStride + kSpan;
constexpr int kTopics = 20;  // "Topic 0".."Topic 19", plus "Common" on every story
constexpr int kProviders = 10;

// Story `n` as importer `k` holds it. Version 1 is the same in every corpus (only the folder
// differs); version 2 is signed by its importer in the title and in its one topic.
std::string story(int n, int k, int version) {
  std::string title = "Story " + std::to_string(n);
  std::string topics = "  - Topic " + std::to_string(n % kTopics) + "\n  - Common\n";
  if (version == 2) {
    title += " by " + std::to_string(k);
    topics = "  - Signed " + std::to_string(k) + "\n";
  }
  return "---\ntitle: \"" + title + "\"\noriginalUrl: \"https://news.test/story/" +
         std::to_string(n) +
         "\"\npublishedDateTime: 2024-01-01T00:00:00Z\nprovider:\n  name: Provider " +
         std::to_string(n % kProviders) + "\n  domain: p" + std::to_string(n % kProviders) +
         ".test\ntopics:\n" + topics + "---\nBody of story " + std::to_string(n) + ".\n";
}

// corpus-K/ for each importer K, files named so that each importer meets the shared stories in
// an order of its own (a rotation): their batches overlap and collide.
void write_corpora(const fs::path& root, int version) {
  for (int k = 0; k < kImporters; ++k) {
    fs::path dir = root / ("corpus-" + std::to_string(k));
    fs::create_directories(dir);
    for (int i = 0; i < kSpan; ++i) {
      int n = k * kStride + (i + k * 97) % kSpan;
      char name[32];
      std::snprintf(name, sizeof name, "%04d.md", i);
      std::ofstream(dir / name, std::ios::binary) << story(n, k, version);
    }
  }
}

struct Totals {
  std::int64_t added = 0, updated = 0, unchanged = 0, failed = 0;
};

// Runs one `newsdb import --report json` per corpus, all at once, and a reader querying the same
// database meanwhile; REQUIREs that every process succeeded and sums their reports.
Totals import_at_once(const std::string& uri, const fs::path& root) {
  std::vector<test::ProcessResult> runs(kImporters);
  std::vector<std::thread> threads;
  for (int k = 0; k < kImporters; ++k) {
    threads.emplace_back([&, k] {
      runs[static_cast<std::size_t>(k)] =
          test::run_newsdb({"--db", uri, "import", "--jobs", "1", "--report", "json",
                            (root / ("corpus-" + std::to_string(k))).string()});
    });
  }
  // A reader that never fails while the importers write (the schema may still be being made:
  // then it is told to import first, which is also not a failure of the store).
  for (int i = 0; i < 10; ++i) {
    auto r = test::run_newsdb({"--db", uri, "stats", "--format", "json"});
    INFO(r.err);
    CHECK((r.exit_code == 0 || r.err.find("newsdb import") != std::string::npos));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  for (auto& t : threads) t.join();
  Totals sum;
  for (int k = 0; k < kImporters; ++k) {
    const auto& r = runs[static_cast<std::size_t>(k)];
    INFO("importer " << k << " exited " << r.exit_code << ": " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("deadlock") == std::string::npos);
    CHECK(r.err.find("could not serialize") == std::string::npos);
    auto report = Json::parse(r.out);
    sum.added += report["new"].get<std::int64_t>();
    sum.updated += report["updated"].get<std::int64_t>();
    sum.unchanged += report["unchanged"].get<std::int64_t>();
    sum.failed += report["failed"].get<std::int64_t>();
  }
  return sum;
}

std::int64_t count(postgres::Connection& conn, const std::string& sql) {
  auto r = conn.exec(sql);
  if (!r) FAIL(r.error().message);
  return r->int64(0, 0);
}

}  // namespace

TEST_CASE("four concurrent newsdb import processes of overlapping corpora end with exact counts",
          "[store][postgresql][import]") {
  // Not created beforehand: the importers also race to create and migrate the database.
  auto db = test::PgDatabase::make(/*create=*/false);
  if (!db) return;
  test::TempDir dir;

  // Identical content where the corpora overlap: each story is new to exactly one importer, and
  // the others find it unchanged.
  write_corpora(dir.path() / "v1", 1);
  Totals first = import_at_once(db->uri(), dir.path() / "v1");
  CHECK(first.added == kUniverse);
  CHECK(first.updated == 0);
  CHECK(first.unchanged == kImporters * kSpan - kUniverse);
  CHECK(first.failed == 0);

  auto conn = db->connect();
  CHECK(count(conn, "SELECT count(*) FROM articles") == kUniverse);
  CHECK(count(conn, "SELECT count(DISTINCT url) FROM articles") == kUniverse);
  CHECK(count(conn, "SELECT count(*) FROM import_files") == kImporters * kSpan);
  CHECK(count(conn, "SELECT count(*) FROM import_errors") == 0);
  CHECK(count(conn, "SELECT count(*) FROM article_topics") == 2 * kUniverse);
  CHECK(count(conn, "SELECT count(*) FROM topics") == kTopics + 1);
  CHECK(count(conn, "SELECT count(*) FROM providers") == kProviders);
  CHECK(count(conn, "SELECT count(*) FROM articles WHERE provider_id IS NULL") == 0);
  // The query side sees the same totals.
  auto topics = test::run_newsdb(
      {"--db", db->uri(), "topics", "--topic", "Common", "--format", "json", "--limit", "1"});
  REQUIRE(topics.exit_code == 0);
  CHECK(Json::parse(topics.out)[0]["count"] == kUniverse);

  // Conflicting content: every story ends as exactly one importer's version, whole.
  write_corpora(dir.path() / "v2", 2);
  Totals second = import_at_once(db->uri(), dir.path() / "v2");
  CHECK(second.added == 0);
  CHECK(second.failed == 0);
  CHECK(second.updated + second.unchanged == kImporters * kSpan);
  CHECK(second.updated >= kUniverse);  // each story changed at least once
  CHECK(count(conn, "SELECT count(*) FROM articles") == kUniverse);
  CHECK(count(conn, "SELECT count(*) FROM import_files") == 2 * kImporters * kSpan);
  CHECK(count(conn, "SELECT count(*) FROM articles WHERE title NOT LIKE '% by %'") == 0);
  CHECK(count(conn,
              "SELECT count(*) FROM articles a WHERE (SELECT string_agg(t.name, ',') FROM "
              "article_topics at JOIN topics t ON t.id = at.topic_id WHERE at.article_id = a.id) "
              "IS DISTINCT FROM 'Signed ' || split_part(a.title, ' by ', 2)") == 0);
}
