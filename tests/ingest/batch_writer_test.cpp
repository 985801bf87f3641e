#include <catch2/catch.hpp>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "ingest/batch_writer.hpp"
#include "store/parsed_file.hpp"

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

namespace {

// What the writing thread did, in order: "w:<first path>" per written batch, "idle" per idle call.
struct Events {
  std::mutex mutex;
  std::vector<std::string> log;
  void add(std::string e) {
    std::lock_guard lock(mutex);
    log.push_back(std::move(e));
  }
  std::vector<std::string> copy() {
    std::lock_guard lock(mutex);
    return log;
  }
  // The writer's idle call: logs "idle".
  ingest::BatchIdle idle() {
    return [this]() -> Result<void> {
      add("idle");
      return {};
    };
  }
  // Waits (up to 10 s) until the log holds `n` events.
  bool wait_for(std::size_t n) {
    for (int i = 0; i < 1000; ++i) {
      if (copy().size() >= n) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  }
};

}  // namespace

TEST_CASE("the batch writer calls idle when the next batch is not ready, once per wait",
          "[ingest]") {
  FixedClock clock(Timestamp(std::chrono::seconds(1)));
  Events events;
  BatchWriter writer(
      [&](std::span<const ParsedFile> batch, Timestamp) -> Result<WriteCounts> {
        events.add("w:" + batch.front().record.path);
        return WriteCounts{1, 0, 0};
      },
      clock, BatchLimits{1, 100, 1u << 30}, {},
      events.idle());
  // Slow input: each batch is written, then the writer finds nothing to do and calls idle.
  writer.add(input("a", 1));
  REQUIRE(events.wait_for(2));
  writer.add(input("b", 1));
  REQUIRE(events.wait_for(4));
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // no second idle for one wait
  CHECK(events.copy() == std::vector<std::string>{"w:a", "idle", "w:b", "idle"});
  REQUIRE(writer.finish());
  CHECK(events.copy().size() == 4);  // finishing calls no idle: the caller commits at the end
}

TEST_CASE("the batch writer does not call idle while the next batch waits to be handed over",
          "[ingest]") {
  FixedClock clock(Timestamp(std::chrono::seconds(1)));
  Events events;
  std::atomic<bool> release{false};
  BatchWriter writer(
      [&](std::span<const ParsedFile> batch, Timestamp) -> Result<WriteCounts> {
        // The first batch is written slowly: the next one is full and waiting when it ends.
        while (batch.front().record.path == "a" && !release) {
          std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        events.add("w:" + batch.front().record.path);
        return WriteCounts{1, 0, 0};
      },
      clock, BatchLimits{1, 100, 1u << 30}, {},
      events.idle());
  writer.add(input("a", 1));  // handed over at once; its write blocks until released
  std::thread releaser([&] {
    // add("b") below blocks in the hand-over until "a" is written; give it time to get there.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    release = true;
  });
  writer.add(input("b", 1));
  releaser.join();
  REQUIRE(events.wait_for(3));
  CHECK(events.copy() == std::vector<std::string>{"w:a", "w:b", "idle"});
  REQUIRE(writer.finish());
}

TEST_CASE("a failed idle call stops the batch writer like a failed write", "[ingest]") {
  FixedClock clock(Timestamp(std::chrono::seconds(1)));
  std::atomic<int> writes{0};
  BatchWriter writer(
      [&](std::span<const ParsedFile>, Timestamp) -> Result<WriteCounts> {
        ++writes;
        return WriteCounts{1, 0, 0};
      },
      clock, BatchLimits{1, 100, 1u << 30}, {},
      []() -> Result<void> { return fail(ErrorKind::kIo, "commit failed: disk full"); });
  writer.add(input("a", 1));
  for (int i = 0; i < 1000 && !writer.failed(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  REQUIRE(writer.failed());
  writer.add(input("b", 1));  // dropped
  auto totals = writer.finish();
  REQUIRE_FALSE(totals);
  CHECK(totals.error().message == "commit failed: disk full");
  CHECK(writes == 1);
}
