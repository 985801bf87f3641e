// The disk filling up in the middle of an import, simulated with RLIMIT_FSIZE (a write past the
// limit fails with EFBIG, as a write to a full disk fails with ENOSPC): the import stops with one
// clear message, the database stays sound with whole batches only, and once there is room again
// a re-run finishes the work with exact counts.
// SQLite's alone: RLIMIT_FSIZE limits the files the newsdb process writes itself; a PostgreSQL
// store is written by the server, which the limit cannot reach.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "reliability/reliability_support.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace newsdb::test;
using Json = nlohmann::json;

namespace {
constexpr int kArticles = 6000;
}

TEST_CASE("a disk that fills up mid-import gives a clear error and a sound database",
          "[reliability][disk-full]") {
  TempDir dir;
  fs::path corpus = dir.path() / "corpus";
  write_corpus(corpus, 0, kArticles, Revision::kOriginal);

  // The size a whole import needs, measured, so that the limit falls in the middle of it.
  std::string whole = (dir.path() / "whole.sqlite").string();
  REQUIRE(run_child({"--db", whole, "import", corpus.string()}, dir.path()).exit_code == 0);
  auto full_size = fs::file_size(whole);
  REQUIRE(full_size > 1'000'000);

  std::string db = (dir.path() / "db.sqlite").string();
  ChildOptions limited;
  limited.file_size_limit = full_size / 2;
  auto r = run_child({"--db", db, "import", corpus.string()}, dir.path(), limited);
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.signal == 0);
  CHECK_THAT(r.err, Catch::Contains("the disk is full or a file size limit was reached") &&
                        Catch::Contains("free some space and run it again"));
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);  // one message, not a cascade
  CHECK_THAT(r.err, !Catch::Contains("locked") && !Catch::Contains("malformed"));

  // Whole batches only: some were written before the disk filled, none after, none in part.
  check_sound(db);
  auto stored = count_of(db, "SELECT count(*) FROM articles");
  CHECK(stored < kArticles);
  CHECK(count_of(db, "SELECT count(*) FROM import_files") == stored);

  // Room again: the re-run adds exactly what is missing.
  auto again = run_child({"--db", db, "import", "--report", "json", corpus.string()}, dir.path());
  REQUIRE(again.exit_code == 0);
  auto report = Json::parse(again.out);
  CHECK(report["new"] == kArticles - stored);
  CHECK(report["unchanged"] == stored);
  CHECK(report["failed"] == 0);
  CHECK(count_of(db, "SELECT count(*) FROM articles") == kArticles);
  check_sound(db);
}

TEST_CASE("a disk too full to create the database says so and leaves nothing half-made",
          "[reliability][disk-full]") {
  TempDir dir;
  fs::path corpus = dir.path() / "corpus";
  write_corpus(corpus, 0, 50, Revision::kOriginal);
  std::string db = (dir.path() / "db.sqlite").string();
  ChildOptions limited;
  limited.file_size_limit = 8192;  // two pages: not even the schema fits
  auto r = run_child({"--db", db, "import", corpus.string()}, dir.path(), limited);
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("the disk is full or a file size limit was reached"));
  // With room, the same database is created and filled as if nothing had happened.
  auto again = run_child({"--db", db, "import", "--report", "json", corpus.string()}, dir.path());
  INFO("stderr: " << again.err);
  REQUIRE(again.exit_code == 0);
  CHECK(Json::parse(again.out)["new"] == 50);
  check_sound(db);
}
