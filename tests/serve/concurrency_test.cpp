// Readers on the WAL while an import writes the same SQLite store: every request is answered,
// none with a 5xx, and the answers see the import's articles arrive.
#include <atomic>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli/run_cli.hpp"
#include "serve/served_store.hpp"

using namespace newsdb::test;

namespace {

// `n` distinct articles as frontmatter files in `dir`.
void write_articles(const std::filesystem::path& dir, int from, int n) {
  for (int i = from; i < from + n; ++i) {
    std::string day = std::to_string(10 + i % 18);
    write_file(dir / ("a" + std::to_string(i) + ".md"),
               "---\ntitle: \"Load story " + std::to_string(i) + " about markets\"\n"
               "excerpt: \"Excerpt number " + std::to_string(i) + " on supply and demand\"\n"
               "publishedDateTime: 2024-03-" + day + "T08:00:00Z\n"
               "originalUrl: \"https://load.example/story/" + std::to_string(i) + "\"\n"
               "provider:\n  name: Load Wire\n  domain: load.example\n"
               "topics:\n  - Markets\n  - Topic " + std::to_string(i % 7) + "\n---\nBody " + std::to_string(i) + "\n");
  }
}

}  // namespace

TEST_CASE("requests during an import are all answered, none with a 5xx", "[serve]") {
  TempDir dir;
  std::string db = (dir.path() / "store.sqlite").string();
  write_articles(dir.path() / "first", 0, 50);
  REQUIRE(run_cli({"--db", db, "import", (dir.path() / "first").string()}).status == 0);
  write_articles(dir.path() / "second", 50, 3000);

  ServedStore served(db);
  std::atomic<bool> importing = true;
  std::atomic<int> answered = 0, failed = 0, server_errors = 0;
  std::atomic<long> most_seen = 0;
  auto reader = [&](int which) {
    auto http = served.client();
    const char* paths[] = {"/api/articles?topic=Markets&limit=5", "/api/search?q=markets&limit=5", "/",
                           "/api/topics", "/api/stats", "/articles/1"};
    // While the import runs, then one more round of every path once it has ended.
    int after = 0;
    for (int i = 0; importing || after++ < 6; ++i) {
      const char* path = paths[(i + which) % 6];
      auto res = http.Get(path);
      if (!res) {
        ++failed;
        continue;
      }
      ++answered;
      if (res->status >= 500) ++server_errors;
      if (std::string(path) == "/api/stats" && res->status == 200) {
        long n = nlohmann::json::parse(res->body)["articles"];
        most_seen = std::max<long>(most_seen, n);
      }
    }
  };
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t) readers.emplace_back(reader, t);
  auto imported = run_cli({"--db", db, "import", "--jobs", "2", (dir.path() / "second").string()});
  importing = false;
  for (auto& t : readers) t.join();
  INFO(imported.err);
  CHECK(imported.status == 0);
  CHECK(answered > 30);
  CHECK(failed == 0);
  CHECK(server_errors == 0);
  CHECK(most_seen == 3050);  // the last rounds, after the import, see all of it
}
