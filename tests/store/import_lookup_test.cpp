// ArticleWriter::lookup: the import records of a list of paths, in the list's order, whatever the
// order (SQLite matches ascending runs in one pass along its path index and searches anew for a
// path behind the pass or far ahead of it; every order must give the same answers).
#include <catch2/catch.hpp>
#include <algorithm>
#include <map>
#include <newsdb/store.hpp>
#include <random>

#include "store/parsed_file.hpp"
#include "store/writer_fixtures.hpp"
#include "support/backends.hpp"

using namespace newsdb;
using test::at;
using test::file;

namespace {

using Stored = std::map<std::string, std::int64_t>;  // path -> the size its record holds

// Writes one record per path in `stored` (in batches of 16), its size the map's value.
void write_records(ArticleWriter& writer, const Stored& stored) {
  std::vector<ParsedFile> batch;
  for (const auto& [path, size] : stored) {
    ParsedFile f = file(path, {});
    f.record.outcome = FileOutcome::kSkipped;
    f.record.size = size;
    batch.push_back(std::move(f));
    if (batch.size() == 16) {
      REQUIRE(writer.write_batch(batch, at(1)));
      batch.clear();
    }
  }
  if (!batch.empty()) REQUIRE(writer.write_batch(batch, at(1)));
}

// Checks each answer of lookup(paths) against the map: the record's path and size, or none.
void check_lookup(ImportLog& log, const std::vector<std::string>& paths, const Stored& stored) {
  auto found = log.lookup(paths);
  REQUIRE(found);
  REQUIRE(found->size() == paths.size());
  for (std::size_t i = 0; i < paths.size(); ++i) {
    INFO("path " << paths[i] << " at " << i);
    auto it = stored.find(paths[i]);
    if (it == stored.end()) {
      CHECK_FALSE((*found)[i].has_value());
    } else {
      REQUIRE((*found)[i].has_value());
      CHECK((*found)[i]->path == paths[i]);
      CHECK((*found)[i]->size == it->second);
    }
  }
}

std::string numbered(const char* prefix, int i) {
  char name[16];
  std::snprintf(name, sizeof name, "%03d.md", i);
  return std::string(prefix) + name;
}

}  // namespace

TEST_CASE("lookup answers every path in any order: ascending, descending, shuffled, repeated",
          "[store][writer][lookup]") {
  // Stored: every third of 300 numbered files in two folders, and names around the byte order's
  // edges ('.' < '/' < letters; non-ASCII bytes after ASCII).
  Stored stored;
  for (int i = 0; i < 300; i += 3) {
    stored[numbered("corpus/a/", i)] = 1000 + i;
    stored[numbered("corpus/b/", i)] = 2000 + i;
  }
  const std::vector<std::string> edges{"corpus/a.md", "corpus/a/b/c.md", "corpus/ab.md",
                                       "corpus/\xc3\xa9t\xc3\xa9.md", "corpus/\xe2\x82\xac.md"};
  for (std::size_t i = 0; i < edges.size(); ++i) stored[edges[i]] = 3000 + std::int64_t(i);

  // Asked: every numbered path (two of three never imported), the edges and unknown neighbours.
  std::vector<std::string> asked;
  for (int i = 0; i < 300; ++i) {
    asked.push_back(numbered("corpus/a/", i));
    asked.push_back(numbered("corpus/b/", i));
  }
  asked.insert(asked.end(), edges.begin(), edges.end());
  for (const char* unknown : {"corpus/a", "corpus/a/", "corpus/a/b", "corpus/\xc3\xa9", "", "zzz",
                              "corpus/\xe2\x82\xac.md.old"}) {
    asked.emplace_back(unknown);
  }

  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend);
      ArticleWriter& writer = fresh.store().writer();
      write_records(writer, stored);

      // Byte order, as an import's walk hands paths out (std::string compares bytes unsigned,
      // as SQLite's BINARY collation does).
      std::vector<std::string> paths = asked;
      std::sort(paths.begin(), paths.end());
      SECTION("ascending") { check_lookup(fresh.store().import_log(), paths, stored); }
      SECTION("descending") {
        std::reverse(paths.begin(), paths.end());
        check_lookup(fresh.store().import_log(), paths, stored);
      }
      SECTION("only the stored, far apart: each more than a few rows after the last") {
        std::vector<std::string> sparse;
        for (int i = 0; i < 300; i += 60) sparse.push_back(numbered("corpus/a/", i));
        sparse.push_back(numbered("corpus/b/", 297));
        check_lookup(fresh.store().import_log(), sparse, stored);
      }
      SECTION("shuffled, with repeats, in runs of ascending paths") {
        std::mt19937 random(6);
        std::vector<std::string> mixed;
        for (int round = 0; round < 4; ++round) {
          std::shuffle(paths.begin(), paths.end(), random);
          std::vector<std::string> run(paths.begin(), paths.begin() + 200);
          std::sort(run.begin(), run.begin() + 100);  // half of it ascending, half shuffled
          mixed.insert(mixed.end(), run.begin(), run.end());
        }
        check_lookup(fresh.store().import_log(), mixed, stored);
      }
      SECTION("an empty list") { check_lookup(fresh.store().import_log(), {}, stored); }
    }
  }
}
