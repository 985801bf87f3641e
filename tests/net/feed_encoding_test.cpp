// Feeds in the encodings real servers send: tests/data/feeds/encodings/manifest.tsv names each
// fixture, the Content-Type it is served with, and the title a reader must find (the fixtures and
// the expected titles are written by make.py with Python's own codecs).
#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <newsdb/feed.hpp>
#include <sstream>

#include "support/fixtures.hpp"

using namespace newsdb;

namespace {

const Timestamp kFetchedAt{std::chrono::sys_days{std::chrono::year{2023} / 12 / 10}};

struct EncodingCase {
  std::string file;
  std::optional<std::string> content_type;
  std::string expected_title;
};

std::vector<EncodingCase> manifest() {
  std::istringstream in(test::read_fixture("feeds/encodings/manifest.tsv"));
  std::vector<EncodingCase> out;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line.starts_with('#')) continue;
    auto tab1 = line.find('\t');
    auto tab2 = line.find('\t', tab1 + 1);
    REQUIRE(tab2 != std::string::npos);
    EncodingCase c;
    c.file = line.substr(0, tab1);
    auto type = line.substr(tab1 + 1, tab2 - tab1 - 1);
    if (type != "-") c.content_type = type;
    c.expected_title = line.substr(tab2 + 1);
    out.push_back(std::move(c));
  }
  return out;
}

Result<ParsedFeed> parse(const EncodingCase& c) {
  FeedContext ctx;
  ctx.url = "http://enc.example/" + c.file;
  ctx.fetched_at = kFetchedAt;
  ctx.content_type = c.content_type;
  return parse_feed(test::read_fixture("feeds/encodings/" + c.file), ctx);
}

// What `run` writes to file descriptor 2 (libxml2 prints there directly, bypassing std::cerr).
template <typename F>
std::string stderr_of(F&& run) {
  std::fflush(stderr);
  char path[] = "/tmp/newsdb-stderr-XXXXXX";
  int fd = mkstemp(path);
  REQUIRE(fd >= 0);
  int saved = dup(2);
  dup2(fd, 2);
  run();
  std::fflush(stderr);
  dup2(saved, 2);
  close(saved);
  std::string out;
  char buf[4096];
  lseek(fd, 0, SEEK_SET);
  for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;)
    out.append(buf, static_cast<std::size_t>(n));
  close(fd);
  unlink(path);
  return out;
}

}  // namespace

TEST_CASE(
    "every encoding fixture is read by BOM, HTTP charset, declaration, detection, then "
    "windows-1252",
    "[net][feed][charset]") {
  auto cases = manifest();
  REQUIRE(cases.size() >= 20);
  std::size_t read = 0;
  for (const auto& c : cases) {
    INFO(c.file << " served as " << c.content_type.value_or("(no Content-Type)"));
    auto feed = parse(c);
    if (!feed) FAIL_CHECK("refused: " << feed.error().message);
    if (!feed) continue;
    // Both items: nothing in the first ended the document.
    CHECK(feed->articles.size() == 2);
    if (feed->articles.size() != 2) continue;
    CHECK(feed->articles[0].title == c.expected_title);
    CHECK(feed->articles[1].title == "After");
    if (feed->articles[0].title == c.expected_title) ++read;
  }
  CHECK(read == cases.size());
}

TEST_CASE("libxml2 never writes to stderr: what it finds becomes a warning",
          "[net][feed][charset]") {
  std::string broken =
      "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<rss><channel><title>B</title>\n"
      "<item><title>One \x81 two</title><link>http://b.example/1</link><description>open <b>"
      "bold</description></item>\n"
      "<item><title>Two</title><link>http://b.example/2</link></item>\n"
      "<item><title>Three</item></channel>";
  std::string printed = stderr_of([&] {
    for (const auto& c : manifest()) (void)parse(c);
    FeedContext ctx;
    ctx.url = "http://b.example/feed";
    ctx.fetched_at = kFetchedAt;
    auto feed = parse_feed(broken, ctx);
    REQUIRE(feed.has_value());
    CHECK(feed->articles.size() == 2);
    bool warned = false;
    for (const auto& d : feed->diagnostics) {
      if (d.severity == Severity::kWarning &&
          d.message.find("not well-formed") != std::string::npos) {
        warned = d.line > 0;
      }
    }
    CHECK(warned);
  });
  CHECK(printed == "");
}
