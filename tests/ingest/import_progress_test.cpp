// The import's progress (import_pipeline.hpp, ImportProgress): the folders are walked once, the
// total grows as the walk meets inputs and is marked known only when the walk has ended.
#include <dirent.h>
#include <dlfcn.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "ingest/import_fixtures.hpp"

using namespace newsdb;
using newsdb::test::article_md;
using newsdb::test::write_file;

namespace {
std::atomic<int> folder_listings{0};
}

// Every opendir of this test process is counted (the test binary's definition is found before
// libc's); the walk lists a folder with one opendir, so the count says how often a tree was walked.
extern "C" DIR* opendir(const char* name) {
  using Real = DIR* (*)(const char*);
  static Real real = reinterpret_cast<Real>(dlsym(RTLD_NEXT, "opendir"));
  ++folder_listings;
  return real(name);
}

namespace {

// Imports `sources` into a new SQLite store in `dir`, returning every progress report.
std::vector<ingest::ImportProgress> progress_of(const test::TempDir& dir,
                                                const std::vector<std::string>& sources,
                                                ingest::ImportOptions options = {}) {
  options.sources = sources;
  options.database = (dir.path() / "db.sqlite").string();
  options.jobs = 2;
  FixedClock clock(Timestamp(std::chrono::seconds(1'700'000'000)));
  std::vector<ingest::ImportProgress> seen;
  ingest::ImportObserver observer;
  observer.progress = [&seen](const ingest::ImportProgress& p) { seen.push_back(p); };
  auto summary = ingest::run_import(options, clock, observer);
  REQUIRE(summary);
  REQUIRE(summary->inputs == static_cast<std::int64_t>(seen.size()));
  return seen;
}

// What holds of every report: the total never below the inputs done, never shrinking, and once
// known, known to the end.
void check_consistent(const std::vector<ingest::ImportProgress>& seen) {
  for (std::size_t i = 0; i < seen.size(); ++i) {
    INFO("report " << i);
    CHECK(seen[i].inputs_done == static_cast<std::int64_t>(i) + 1);
    CHECK(seen[i].inputs_total >= seen[i].inputs_done);
    if (i == 0) continue;
    CHECK(seen[i].inputs_total >= seen[i - 1].inputs_total);
    if (seen[i - 1].total_known) CHECK(seen[i].total_known);
  }
}

}  // namespace

TEST_CASE("a large import walks its folders once, its total growing until the walk ends",
          "[ingest][progress]") {
  // More files than the importer gathers before it starts on them (4096), in 5 folders.
  test::TempDir tmp;
  auto corpus = tmp.path() / "corpus";
  constexpr int kFiles = 5100;
  for (int i = 0; i < kFiles; ++i) {
    auto folder = i < 2500 ? corpus / "a" : i < 5000 ? corpus / "b" : corpus / "c" / "sub";
    char name[16];
    std::snprintf(name, sizeof name, "%04d.md", i);
    write_file(folder / name, article_md("https://e.com/" + std::to_string(i), "T"));
  }
  folder_listings = 0;
  auto seen = progress_of(tmp, {corpus.string()});
  CHECK(folder_listings == 5);  // corpus, a, b, c, c/sub: a counting walk first would make 10

  REQUIRE(seen.size() == kFiles);
  check_consistent(seen);
  // The first files are done while the walk is still in b/: the total is what it has found.
  CHECK_FALSE(seen.front().total_known);
  CHECK(seen.front().inputs_total < kFiles);
  // The last group is done after the walk ended: from then on the total is the whole count.
  CHECK(seen.back().total_known);
  for (const auto& p : seen) {
    if (p.total_known) CHECK(p.inputs_total == kFiles);
  }
}

TEST_CASE("an import of a few files knows its total from the first report", "[ingest][progress]") {
  test::TempDir tmp;
  auto corpus = tmp.path() / "corpus";
  for (const char* name : {"a.md", "b/c.md", "b/d.md"}) {
    write_file(corpus / name, article_md(std::string("https://e.com/") + name, "T"));
  }
  auto seen = progress_of(tmp, {corpus.string()});
  REQUIRE(seen.size() == 3);
  check_consistent(seen);
  for (const auto& p : seen) {
    CHECK(p.total_known);
    CHECK(p.inputs_total == 3);
  }
}

TEST_CASE("archive members and parts of a large NDJSON file add to the total as they are read",
          "[ingest][progress]") {
  test::TempDir tmp;
  auto tree = tmp.path() / "tree";
  for (const char* name : {"a.md", "b.md", "c.md"}) {
    write_file(tree / name, article_md(std::string("https://e.com/") + name, "T"));
  }
  auto archive = tmp.path() / "in" / "1.tar";
  std::filesystem::create_directories(archive.parent_path());
  std::string command =
      "tar -cf '" + archive.string() + "' -C '" + tree.string() + "' --sort=name a.md b.md c.md";
  REQUIRE(std::system(command.c_str()) == 0);
  std::string records;
  for (int i = 0; i < 40; ++i) {
    records += "{\"title\": \"T\", \"originalUrl\": \"https://e.com/r" + std::to_string(i) + "\"}\n";
  }
  write_file(tmp.path() / "in" / "2.ndjson", records);
  ingest::ImportOptions options;
  options.ndjson_part_bytes = 500;  // about 10 lines a part: 4 or more parts

  auto seen = progress_of(tmp, {(tmp.path() / "in").string()}, options);
  // 3 members, then the parts: each its own input, taking its archive's or file's place.
  REQUIRE(seen.size() >= 3 + 4);
  check_consistent(seen);
  CHECK(seen[2].inputs_total == 3);  // the members, not the archive besides
  CHECK(seen.back().inputs_total == seen.back().inputs_done);
}
