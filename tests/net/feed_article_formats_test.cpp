// Documents in the article format itself, served over HTTP: parsed by parse_input (core) and
// recognised by parse_feed from their bytes.
#include <catch2/catch.hpp>
#include <newsdb/feed.hpp>

#include "support/fixtures.hpp"

using namespace newsdb;

namespace {

Result<ParsedFeed> parse(const std::string& bytes, const std::string& url,
                         std::optional<std::string> content_type = std::nullopt) {
  FeedContext ctx;
  ctx.url = url;
  ctx.fetched_at = Timestamp{std::chrono::sys_days{std::chrono::year{2023} / 12 / 10}};
  ctx.content_type = std::move(content_type);
  return parse_feed(bytes, ctx);
}

std::vector<std::string> titles(const ParsedFeed& feed) {
  std::vector<std::string> out;
  for (const auto& a : feed.articles) out.push_back(a.title);
  return out;
}

}  // namespace

TEST_CASE("a JSON array of article records", "[net][feed][records]") {
  auto r = parse(test::read_fixture("feeds/articles.json"), "https://records.example.com/all");
  REQUIRE(r.has_value());
  CHECK(r->format == FeedFormat::kArticleJson);
  CHECK(titles(*r) == std::vector<std::string>{"Record one", "Record two"});
  CHECK(r->articles[1].canonical_url == "https://records.example.com/two");
}

TEST_CASE("NDJSON of article records, recognised with or without a Content-Type",
          "[net][feed][records]") {
  auto bytes = test::read_fixture("feeds/articles.ndjson");
  for (auto type : {std::optional<std::string>("application/x-ndjson"),
                    std::optional<std::string>()}) {
    auto r = parse(bytes, "https://lines.example.com/export", type);
    REQUIRE(r.has_value());
    CHECK(r->format == FeedFormat::kArticleNdjson);
    CHECK(titles(*r) == std::vector<std::string>{"Line one", "Line two"});
  }
}

TEST_CASE("a single article document with frontmatter", "[net][feed][records]") {
  auto r = parse(test::read_fixture("feeds/article.md"), "https://single.example.com/story.md");
  REQUIRE(r.has_value());
  CHECK(r->format == FeedFormat::kArticleDocument);
  REQUIRE(r->articles.size() == 1);
  CHECK(r->articles[0].title == "A single article document");
  CHECK(r->articles[0].body.value_or("").find("The body in Markdown.") != std::string::npos);
  CHECK(r->articles[0].topics == std::vector<std::string>{"Solo"});
}

TEST_CASE("a bad record is reported and the good ones kept", "[net][feed][records]") {
  auto r = parse("[{\"title\": \"ok\", \"originalUrl\": \"https://r.example/ok\"}, {\"title\": 5}]",
                 "https://r.example/all.json");
  REQUIRE(r.has_value());
  CHECK(titles(*r) == std::vector<std::string>{"ok"});
  bool has_error = false;
  for (const auto& d : r->diagnostics) has_error |= d.severity == Severity::kError;
  CHECK(has_error);
}
