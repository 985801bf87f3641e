// Limits count bytes in feeds too: a value over the per-value limit, and entity references that
// expand past what a document may hold, fail the item they are in, with a diagnostic naming the
// limit; the items after it, and the rest of the run, are read.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <newsdb/feed.hpp>
#include <nlohmann/json.hpp>

#include "support/fixtures.hpp"
#include "support/http_server.hpp"
#include "support/temp_dir.hpp"

using namespace newsdb;
using namespace std::chrono_literals;

namespace {

const Timestamp kFetchedAt{std::chrono::sys_days{std::chrono::year{2023} / 12 / 10}};

std::string good_items(const std::string& host, int count) {
  std::string out;
  for (int i = 1; i <= count; ++i) {
    out += "<item><title>Good " + std::to_string(i) + "</title><link>http://" + host + "/good/" +
           std::to_string(i) + "</link></item>\n";
  }
  return out;
}

// The feed of the report: a 100,000-byte entity, referenced 20,000 times in one title (2 GB if
// expanded), then good items.
std::string entity_bomb_feed() {
  std::string refs;
  for (int i = 0; i < 20'000; ++i) refs += "&a;";
  return "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY a \"" + std::string(100'000, 'B') +
         "\">]>\n<rss "
         "version=\"2.0\"><channel><title>Bomb</title><link>http://bomb.example/</link>\n"
         "<item><title>" +
         refs + "</title><link>http://bomb.example/bomb</link></item>\n" +
         good_items("bomb.example", 3) + "</channel></rss>\n";
}

Result<ParsedFeed> parse(const std::string& bytes) {
  FeedContext ctx;
  ctx.url = "http://limits.example/feed.xml";
  ctx.fetched_at = kFetchedAt;
  return parse_feed(bytes, ctx);
}

// The articles' titles, each cut to 40 bytes so that a failure prints a readable line.
std::vector<std::string> titles(const ParsedFeed& feed) {
  std::vector<std::string> out;
  for (const auto& a : feed.articles) out.push_back(a.title.substr(0, 40));
  return out;
}

std::vector<const Diagnostic*> errors_of(const ParsedFeed& feed) {
  std::vector<const Diagnostic*> out;
  for (const auto& d : feed.diagnostics) {
    if (d.severity == Severity::kError) out.push_back(&d);
  }
  return out;
}

struct ChildRun {
  int exit_code = -1;
  long max_rss_kb = 0;
  std::chrono::milliseconds took{0};
  std::string out, err;
};

std::string slurp(const std::string& path) {
  std::string out;
  int fd = open(path.c_str(), O_RDONLY);
  char buf[4096];
  for (ssize_t n; fd >= 0 && (n = read(fd, buf, sizeof buf)) > 0;) {
    out.append(buf, static_cast<std::size_t>(n));
  }
  if (fd >= 0) close(fd);
  return out;
}

// newsdb ARGS as a child process, with its own peak memory (wait4) and wall time.
ChildRun run_measured(const std::vector<std::string>& args, const test::TempDir& scratch) {
  std::vector<std::string> argv_text{NEWSDB_BINARY};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::string out = (scratch.path() / "out").string(), err = (scratch.path() / "err").string();
  auto started = std::chrono::steady_clock::now();
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    int in_fd = open("/dev/null", O_RDONLY);
    int out_fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err_fd = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(in_fd, 0);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    execv(argv[0], argv.data());
    _exit(127);
  }
  ChildRun run;
  int status = 0;
  rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  run.took = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  run.max_rss_kb = usage.ru_maxrss;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.out = slurp(out);
  run.err = slurp(err);
  return run;
}

}  // namespace

TEST_CASE("a feed item with a value over the per-value limit fails alone", "[net][feed][limits]") {
  std::string feed_text =
      "<rss version=\"2.0\"><channel><title>Big</title><link>http://big.example/</link>\n"
      "<item><title>" +
      std::string(2'000'000, 'T') +
      "</title>"
      "<link>http://big.example/huge</link></item>\n"
      "<item><title>Small</title><link>http://big.example/s</link><description>" +
      std::string(1'500'000, 'd') + "</description></item>\n" + good_items("big.example", 2) +
      "</channel></rss>";
  auto feed = parse(feed_text);
  REQUIRE(feed.has_value());
  CHECK(titles(*feed) == std::vector<std::string>{"Good 1", "Good 2"});
  CHECK(feed->failed_records == 2);
  auto errors = errors_of(*feed);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0]->field == "title");
  CHECK(errors[0]->line == 2);
  CHECK_THAT(errors[0]->message, Catch::Contains("the item at http://big.example/huge: its title "
                                                 "is over the 1 MiB per-value limit"));
  CHECK(errors[1]->field == "excerpt");
  CHECK_THAT(errors[1]->message,
             Catch::StartsWith("item \"Small\": its excerpt is over the 1 MiB"));
}

TEST_CASE("a JSON Feed item over the per-value limit fails alone", "[net][feed][limits]") {
  nlohmann::json doc = {
      {"version", "https://jsonfeed.org/version/1.1"},
      {"title", "J"},
      {"items",
       {{{"id", "1"}, {"url", "http://j.example/1"}, {"title", std::string(1'100'000, 'x')}},
        {{"id", "2"}, {"url", "http://j.example/2"}, {"title", "Fine"}}}}};
  auto feed = parse(doc.dump());
  REQUIRE(feed.has_value());
  CHECK(titles(*feed) == std::vector<std::string>{"Fine"});
  CHECK(feed->failed_records == 1);
}

TEST_CASE("entity expansion is charged in bytes: the bomb's item fails, the items after it stay",
          "[net][feed][limits]") {
  auto started = std::chrono::steady_clock::now();
  auto feed = parse(entity_bomb_feed());
  auto took = std::chrono::steady_clock::now() - started;
  REQUIRE(feed.has_value());
  CHECK(took < 2s);  // before: 33 s and 6 GB
  CHECK(titles(*feed) == std::vector<std::string>{"Good 1", "Good 2", "Good 3"});
  auto errors = errors_of(*feed);
  REQUIRE(errors.size() == 1);
  CHECK_THAT(errors[0]->message, Catch::Contains("per-value limit"));
}

TEST_CASE("entity references past the document's budget fail their items, plain items stay",
          "[net][feed][limits]") {
  // Twenty items of 900 KB each by reference (under the per-value limit one by one, 18 MB in all,
  // past the 16 MiB a document may hold), each followed by a plain item.
  std::string feed_text = "<!DOCTYPE rss [<!ENTITY k \"" + std::string(1000, 'k') +
                          "\">]><rss version=\"2.0\"><channel><title>C</title>\n";
  std::string refs;
  for (int i = 0; i < 900; ++i) refs += "&k;";
  for (int i = 0; i < 20; ++i) {
    feed_text += "<item><title>Expanded " + std::to_string(i) + "</title><link>http://c.example/e" +
                 std::to_string(i) + "</link><description>" + refs + "</description></item>\n";
    feed_text += "<item><title>Plain " + std::to_string(i) + "</title><link>http://c.example/p" +
                 std::to_string(i) + "</link></item>\n";
  }
  feed_text += "</channel></rss>";
  auto feed = parse(feed_text);
  REQUIRE(feed.has_value());
  std::size_t expanded = 0, plain = 0;
  for (const auto& a : feed->articles) {
    if (a.title.starts_with("Expanded ")) ++expanded;
    if (a.title.starts_with("Plain ")) ++plain;
  }
  // 16 MiB / 900 KB: the first 18 expand whole, then the budget is spent.
  CHECK(expanded == 18);
  CHECK(plain == 20);
  CHECK(feed->failed_records == 2);
  auto errors = errors_of(*feed);
  REQUIRE(errors.size() == 2);
  CHECK_THAT(errors[0]->message, Catch::Contains("item \"Expanded 18\": entity references expand "
                                                 "past the 16 MiB a document may hold"));
}

TEST_CASE("an entity bomb in an attribute or xml:base costs nothing either",
          "[net][feed][limits]") {
  std::string refs;
  for (int i = 0; i < 20'000; ++i) refs += "&a;";
  std::string feed_text = "<!DOCTYPE feed [<!ENTITY a \"" + std::string(100'000, 'B') +
                          "\">]><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title>\n"
                          "<entry xml:base=\"" +
                          refs +
                          "\"><title>Base bomb</title>"
                          "<link href=\"http://a.example/1\"/></entry>\n"
                          "<entry><title>Href bomb</title><link href=\"" +
                          refs +
                          "\"/></entry>\n"
                          "<entry><title>Fine</title><link href=\"http://a.example/3\"/></entry>\n"
                          "</feed>";
  auto started = std::chrono::steady_clock::now();
  auto feed = parse(feed_text);
  CHECK(std::chrono::steady_clock::now() - started < 2s);
  REQUIRE(feed.has_value());
  CHECK(titles(*feed) == std::vector<std::string>{"Base bomb", "Fine"});
}

TEST_CASE(
    "fetch: the entity bomb costs its own item only, within bounded memory and time, and "
    "the source shows the error",
    "[net][feed][limits][cli]") {
  test::HttpServer server;
  server.route("/bomb.xml", {.body = entity_bomb_feed()});
  server.route("/good.xml", {.body = test::read_fixture("feeds/rss2.xml")});
  test::TempDir dir;
  std::string db = (dir.path() / "news.sqlite").string();
  for (const char* path : {"/bomb.xml", "/good.xml"}) {
    REQUIRE(run_measured({"--db", db, "sources", "add", server.url(path)}, dir).exit_code == 0);
  }
  auto fetched = run_measured({"--db", db, "fetch"}, dir);
  INFO(fetched.out << fetched.err);
  CHECK(fetched.took < 10s);               // before: 33 s
  CHECK(fetched.max_rss_kb < 400 * 1024);  // before: 6 GB
  CHECK_THAT(fetched.err, Catch::Contains("bomb.xml:4: error:"));
  CHECK_THAT(fetched.out, Catch::Contains("2 fetched"));

  auto stored = run_measured({"--db", db, "query", "--limit", "0", "--format", "urls"}, dir);
  CHECK_THAT(stored.out, Catch::Contains("http://bomb.example/good/3"));
  CHECK_THAT(stored.out, Catch::Contains("/news/rtx-4090-rebuilt?id=7"));
  CHECK_THAT(stored.out, !Catch::Contains("http://bomb.example/bomb"));

  auto listed = run_measured({"--db", db, "sources", "list", "--format", "json"}, dir);
  auto sources = nlohmann::json::parse(listed.out);
  REQUIRE(sources.is_array());
  bool bomb_seen = false;
  for (const auto& s : sources) {
    if (s.value("url", "").ends_with("/bomb.xml")) {
      bomb_seen = true;
      CHECK(s.value("errorCount", 0) == 1);
      CHECK_THAT(s["lastError"].get<std::string>(), Catch::Contains("1 item failed"));
    }
  }
  CHECK(bomb_seen);
  auto errors = run_measured({"--db", db, "errors"}, dir);
  CHECK_THAT(errors.out + errors.err, Catch::Contains("bomb.xml"));
}
