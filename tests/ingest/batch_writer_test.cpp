#include <catch2/catch.hpp>
#include <mutex>

#include "ingest/batch_writer.hpp"

using namespace newsdb;
using ingest::BatchLimits;
using ingest::BatchWriter;

namespace {

ParsedFile input(const std::string& path, int articles) {
  ParsedFile f;
  f.record.path = path;
  for (int i = 0; i < articles; ++i) {
    Article a;
    a.title = "t";
    a.canonical_url = path + "#" + std::to_string(i);
    f.articles.push_back(a);
  }
  return f;
}

}  // namespace

TEST_CASE("the batch writer writes every input once, in order, in batches of the limit",
          "[ingest]") {
  FixedClock clock(Timestamp(std::chrono::seconds(7)));
  std::vector<std::vector<std::string>> batches;  // the paths of each written batch
  auto sink = [&](std::span<const ParsedFile> batch, Timestamp now) -> Result<WriteCounts> {
    CHECK(now == Timestamp(std::chrono::seconds(7)));
    std::vector<std::string> paths;
    std::int64_t articles = 0;
    for (const auto& f : batch) {
      paths.push_back(f.record.path);
      articles += static_cast<std::int64_t>(f.articles.size());
    }
    batches.push_back(paths);  // only the writing thread touches it until finish()
    return WriteCounts{articles, 0, 0};
  };
  BatchWriter writer(sink, clock, BatchLimits{5, 100, 1u << 30});
  for (int i = 0; i < 7; ++i) writer.add(input("f" + std::to_string(i), 2));
  auto totals = writer.finish();
  REQUIRE(totals);
  CHECK(*totals == WriteCounts{14, 0, 0});
  // 2 articles each: a batch is full at the third input (6 >= 5).
  CHECK(batches == std::vector<std::vector<std::string>>{
                       {"f0", "f1", "f2"}, {"f3", "f4", "f5"}, {"f6"}});
}

TEST_CASE("a failed write stops the batch writer and finish reports it", "[ingest]") {
  FixedClock clock(Timestamp(std::chrono::seconds(1)));
  int calls = 0;
  auto sink = [&](std::span<const ParsedFile>, Timestamp) -> Result<WriteCounts> {
    ++calls;
    return fail(ErrorKind::kIo, "disk full");
  };
  BatchWriter writer(sink, clock, BatchLimits{1, 100, 1u << 30});
  writer.add(input("a", 1));
  // The first batch fails on the writing thread; later ones are dropped.
  for (int i = 0; i < 50 && !writer.failed(); ++i) writer.add(input("b", 1));
  auto totals = writer.finish();
  REQUIRE_FALSE(totals);
  CHECK(totals.error().message == "disk full");
  CHECK(writer.failed());
  CHECK(calls == 1);  // nothing is handed over once a write has failed
}

TEST_CASE("the batch writer with nothing added writes nothing", "[ingest]") {
  FixedClock clock(Timestamp(std::chrono::seconds(1)));
  int calls = 0;
  BatchWriter writer([&](std::span<const ParsedFile>, Timestamp) -> Result<WriteCounts> {
    ++calls;
    return WriteCounts{};
  }, clock, BatchLimits{});
  auto totals = writer.finish();
  REQUIRE(totals);
  CHECK(calls == 0);
}
