#include "ingest/parse_pool.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "support/temp_dir.hpp"

using namespace newsdb;
using namespace newsdb::ingest;

namespace {

// Input i is an article titled "i"; its text comes from memory through a custom reader that
// also sleeps a little for some inputs, so that workers finish out of order.
std::vector<InputItem> numbered_inputs(int n) {
  std::vector<InputItem> items;
  for (int i = 0; i < n; ++i)
    items.push_back(InputItem{InputKind::kFile, InputOrigin::kArgument, std::to_string(i) + ".md"});
  return items;
}

Result<std::string> numbered_article(const InputItem& item, const ParseLimits&) {
  int i = std::stoi(item.path);
  if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  return "---\ntitle: \"" + std::to_string(i) + "\"\nwebUrl: https://x.org/" + std::to_string(i) +
         "\n---\n";
}

}  // namespace

TEST_CASE("results arrive in input order whatever the number of threads", "[parse_pool]") {
  auto inputs = numbered_inputs(200);
  for (int jobs : {1, 2, 4, 8}) {
    ParsePoolOptions options;
    options.jobs = jobs;
    options.reader = numbered_article;
    std::vector<std::string> titles;
    parse_in_order(inputs, options, [&](const InputItem& item, ParsedInput&& parsed) {
      REQUIRE(parsed.articles.size() == 1);
      CHECK(parsed.articles[0].title == item.path.substr(0, item.path.size() - 3));
      titles.push_back(parsed.articles[0].title);
      return true;
    });
    INFO("jobs " << jobs);
    REQUIRE(titles.size() == 200);
    for (int i = 0; i < 200; ++i) CHECK(titles[i] == std::to_string(i));
  }
}

TEST_CASE("no more than `window` inputs are in flight", "[parse_pool]") {
  auto inputs = numbered_inputs(300);
  std::atomic<int> highest_taken{-1};
  std::atomic<int> worst_lead{0};
  ParsePoolOptions options;
  options.jobs = 4;
  options.window = 6;
  options.reader = [&](const InputItem& item, const ParseLimits& limits) {
    int i = std::stoi(item.path);
    int seen = highest_taken.load();
    while (i > seen && !highest_taken.compare_exchange_weak(seen, i)) {
    }
    return numbered_article(item, limits);
  };
  int delivered = 0;
  parse_in_order(inputs, options, [&](const InputItem&, ParsedInput&&) {
    // Before input `delivered` is handed over, only inputs below delivered + window were taken.
    worst_lead = std::max(worst_lead.load(), highest_taken.load() - delivered);
    ++delivered;
    return true;
  });
  CHECK(delivered == 300);
  CHECK(worst_lead.load() <= 6);  // while d is delivered, d+1 .. d+6 may be in flight
  CHECK(worst_lead.load() >= 1);  // the workers did run ahead
}

TEST_CASE("returning false from the callback stops the pool", "[parse_pool]") {
  auto inputs = numbered_inputs(100);
  for (int jobs : {1, 3}) {
    ParsePoolOptions options;
    options.jobs = jobs;
    options.reader = numbered_article;
    int calls = 0;
    parse_in_order(inputs, options, [&](const InputItem&, ParsedInput&&) { return ++calls < 5; });
    CHECK(calls == 5);
  }
}

TEST_CASE("a file that cannot be read arrives as failed with the reason", "[parse_pool]") {
  std::vector<InputItem> inputs{
      {InputKind::kFile, InputOrigin::kArgument, "/nonexistent/newsdb/a.md"}};
  std::vector<ParsedInput> results;
  parse_in_order(inputs, {}, [&](const InputItem&, ParsedInput&& parsed) {
    results.push_back(std::move(parsed));
    return true;
  });
  REQUIRE(results.size() == 1);
  CHECK(results[0].status == InputStatus::kFailed);
  REQUIRE(results[0].diagnostics.size() == 1);
  CHECK(results[0].diagnostics[0].path == "/nonexistent/newsdb/a.md");
  CHECK(results[0].diagnostics[0].message == "cannot open: No such file or directory");
}

TEST_CASE("read_input_file reads whole files and only the start of huge non-articles",
          "[parse_pool]") {
  test::TempDir tmp;
  auto small = tmp.path() / "a.md";
  std::ofstream(small) << "---\ntitle: T\nwebUrl: https://x.org/\n---\nbody\n";
  ParseLimits limits;
  limits.max_document_bytes = 100;
  auto bytes = read_input_file({InputKind::kFile, InputOrigin::kArgument, small.string()}, limits);
  REQUIRE(bytes);
  CHECK(*bytes == "---\ntitle: T\nwebUrl: https://x.org/\n---\nbody\n");

  auto video = tmp.path() / "movie.mp4";
  std::ofstream(video) << std::string(1000, 'v');
  bytes = read_input_file({InputKind::kFile, InputOrigin::kFolderWalk, video.string()}, limits);
  REQUIRE(bytes);
  CHECK(bytes->size() == 8);

  auto big = tmp.path() / "big.md";
  std::ofstream(big) << "---\n" << std::string(1000, 'x');
  bytes = read_input_file({InputKind::kFile, InputOrigin::kFolderWalk, big.string()}, limits);
  REQUIRE(bytes);
  CHECK(bytes->size() == 101);  // enough for parse_input to report the limit
  CHECK(parse_input(*bytes, "big.md", InputFormat::kFrontmatter, limits).diagnostics[0].message ==
        "the file is larger than the limit of 100 bytes");
}

TEST_CASE("effective_jobs maps 0 to the number of cores", "[parse_pool]") {
  CHECK(effective_jobs(3) == 3);
  CHECK(effective_jobs(0) == std::max(1, int(std::thread::hardware_concurrency())));
}
