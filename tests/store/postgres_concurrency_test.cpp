// Many writers, one PostgreSQL database: four importer processes with overlapping corpora, all at
// once, must lose nothing, count every article as new exactly once, never deadlock, and leave each
// article whole (its topics from the same version as its title).
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <newsdb/store.hpp>
#include <string>

#include "store/parsed_file.hpp"
#include "support/pg_database.hpp"

using namespace newsdb;

namespace {

constexpr int kImporters = 4;
constexpr int kSpan = 800;     // articles per importer
constexpr int kStride = 400;   // importer k covers [k * kStride, k * kStride + kSpan)
constexpr int kUniverse = (kImporters - 1) * kStride + kSpan;
// Batches of both sizes: the writer writes one of 64 articles or more in two parts, on two
// connections, and a smaller one whole.
constexpr int kSmallBatch = 50;
constexpr int kLargeBatch = 100;

std::string url_of(int n) { return "https://news.test/story/" + std::to_string(n); }

// Version 1 is the same whoever writes it; version 2 is signed by its importer.
Article make_article(int n, int importer, int version) {
  Article a;
  a.canonical_url = url_of(n);
  a.original_url = a.canonical_url;
  a.title = version == 1 ? "Story " + std::to_string(n)
                         : "Story " + std::to_string(n) + " by " + std::to_string(importer);
  a.published_date_time = Timestamp(std::chrono::seconds(1'700'000'000 + n * 60));
  a.provider = Provider{"Provider " + std::to_string(n % 10), "p" + std::to_string(n % 10) + ".test",
                        Json::object()};
  a.topics = version == 1
                 ? std::vector<std::string>{"Topic " + std::to_string(n % 20), "Common"}
                 : std::vector<std::string>{"Signed " + std::to_string(importer)};
  a.images = {Image{"https://img.test/" + std::to_string(n) + ".jpg", 1, 1, true, Json::object()}};
  return a;
}

// One importer, run in a child process: writes its span in batches, in an order of its own (a
// rotation), so that the importers' batches overlap and collide. Prints "added updated unchanged".
int run_importer(const std::string& uri, int importer, int version, int out_fd) {
  auto store = open_store(uri, OpenMode::kReadWrite);
  if (!store) {
    dprintf(out_fd, "error %s\n", store.error().message.c_str());
    return 1;
  }
  std::vector<int> order;
  for (int i = 0; i < kSpan; ++i) order.push_back(importer * kStride + (i + importer * 97) % kSpan);
  WriteCounts total;
  for (std::size_t at = 0, size = kSmallBatch; at < order.size(); at += size) {
    size = size == kSmallBatch ? kLargeBatch : kSmallBatch;
    std::vector<ParsedFile> batch;
    for (std::size_t i = at; i < std::min(order.size(), at + size); ++i) {
      ParsedFile f;
      f.record = ImportRecord{"corpus/" + std::to_string(order[i]) + ".md", 10, 20, "h",
                              FileOutcome::kImported};
      f.articles = {make_article(order[i], importer, version)};
      batch.push_back(std::move(f));
    }
    auto counts =
        (*store)->writer().write_batch(batch, Timestamp(std::chrono::seconds(1'700'000'000)));
    if (!counts) {
      dprintf(out_fd, "error %s\n", counts.error().message.c_str());
      return 1;
    }
    total.added += counts->added;
    total.updated += counts->updated;
    total.unchanged += counts->unchanged;
  }
  dprintf(out_fd, "%lld %lld %lld\n", static_cast<long long>(total.added),
          static_cast<long long>(total.updated), static_cast<long long>(total.unchanged));
  return 0;
}

// Runs kImporters importers at once; returns their summed counts (FAILs on any error).
WriteCounts import_concurrently(const std::string& uri, int version) {
  std::vector<pid_t> children;
  std::vector<int> pipes;
  for (int k = 0; k < kImporters; ++k) {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      close(fds[0]);
      _exit(run_importer(uri, k, version, fds[1]));
    }
    close(fds[1]);
    children.push_back(pid);
    pipes.push_back(fds[0]);
  }
  WriteCounts sum;
  for (int k = 0; k < kImporters; ++k) {
    int status = 0;
    waitpid(children[static_cast<std::size_t>(k)], &status, 0);
    char buffer[4096] = {};
    auto n = read(pipes[static_cast<std::size_t>(k)], buffer, sizeof buffer - 1);
    close(pipes[static_cast<std::size_t>(k)]);
    std::string report(buffer, n > 0 ? static_cast<std::size_t>(n) : 0);
    INFO("importer " << k << ": " << report);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    long long added = 0, updated = 0, unchanged = 0;
    REQUIRE(std::sscanf(report.c_str(), "%lld %lld %lld", &added, &updated, &unchanged) == 3);
    sum.added += added;
    sum.updated += updated;
    sum.unchanged += unchanged;
  }
  return sum;
}

std::int64_t count(postgres::Connection& conn, const std::string& sql) {
  auto r = conn.exec(sql);
  if (!r) FAIL(r.error().message);
  return r->int64(0, 0);
}

}  // namespace

TEST_CASE("four concurrent importers of overlapping corpora lose nothing", "[store][postgresql]") {
  // Not created beforehand: the importers also race to create and migrate the database.
  auto db = test::PgDatabase::make(/*create=*/false);
  if (!db) return;

  // Identical content where the corpora overlap: each article is new to exactly one importer.
  WriteCounts first = import_concurrently(db->uri(), 1);
  CHECK(first.added == kUniverse);
  CHECK(first.updated == 0);
  CHECK(first.unchanged == kImporters * kSpan - kUniverse);

  auto conn = db->connect();
  CHECK(count(conn, "SELECT count(*) FROM articles") == kUniverse);
  CHECK(count(conn, "SELECT count(DISTINCT url) FROM articles") == kUniverse);
  CHECK(count(conn, "SELECT count(*) FROM import_files") == kUniverse);
  CHECK(count(conn, "SELECT count(*) FROM article_topics") == 2 * kUniverse);
  CHECK(count(conn, "SELECT count(*) FROM images") == kUniverse);
  CHECK(count(conn, "SELECT count(*) FROM topics") == 21);
  CHECK(count(conn, "SELECT count(*) FROM providers") == 10);
  CHECK(count(conn, "SELECT count(*) FROM articles WHERE provider_id IS NULL") == 0);

  // Conflicting content: every article ends as exactly one importer's version, whole.
  WriteCounts second = import_concurrently(db->uri(), 2);
  CHECK(second.added == 0);
  CHECK(second.added + second.updated + second.unchanged == kImporters * kSpan);
  CHECK(count(conn, "SELECT count(*) FROM articles") == kUniverse);
  CHECK(count(conn, "SELECT count(*) FROM articles WHERE title NOT LIKE '% by %'") == 0);
  // The one topic of each article is signed by the importer whose title it kept.
  CHECK(count(conn,
              "SELECT count(*) FROM articles a WHERE (SELECT string_agg(t.name, ',') FROM "
              "article_topics at JOIN topics t ON t.id = at.topic_id WHERE at.article_id = a.id) "
              "IS DISTINCT FROM 'Signed ' || split_part(a.title, ' by ', 2)") == 0);
  CHECK(count(conn, "SELECT count(*) FROM images") == kUniverse);
}
