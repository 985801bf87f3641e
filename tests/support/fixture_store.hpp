// Stores built from fixture files, and the same files parsed on their own, so that a test can
// compute what the store should answer without asking the store.
//
//   auto files = test::input_files({NEWSDB_TEST_DATA "/query", NEWSDB_SAMPLES});
//   test::import_files(store, files);                       // through parse_input + write_batch
//   auto expected = test::deduplicated(test::parse_files(files));
#pragma once

#include <filesystem>
#include <newsdb/article.hpp>
#include <newsdb/store.hpp>
#include <vector>

namespace newsdb::test {

namespace fs = std::filesystem;

// Each path as given when it is a file; every non-hidden file below it, in sorted path order, when
// it is a folder (the order `newsdb import` uses).
std::vector<fs::path> input_files(const std::vector<fs::path>& paths);

// Every article of `files`, in input order. Throws when a file has an error: fixtures are valid.
// Files without frontmatter (a README) are skipped.
std::vector<Article> parse_files(const std::vector<fs::path>& files);

// What a store holds after importing `articles` in order: one per canonical URL, the last record
// winning, in order of each URL's first appearance.
std::vector<Article> deduplicated(const std::vector<Article>& articles);

// Parses and writes `files` into `store` in batches (the writer's own API, no CLI). Throws on
// failure.
void import_files(Store& store, const std::vector<fs::path>& files);

// A synthetic corpus made by tools/gen_corpus.py (--count, --seed), generated once per test
// process into a temporary folder. Throws when the generator or python3 is missing: a test that
// needs it fails rather than skips.
fs::path generated_corpus(int count, int seed);

}  // namespace newsdb::test
