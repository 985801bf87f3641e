// to_frontmatter's contract: parsing what it writes gives back the same Article.
#include <catch2/catch.hpp>
#include <newsdb/document.hpp>

#include "core/frontmatter_writer.hpp"
#include "support/fixture_store.hpp"

using namespace newsdb;

namespace {

Article reparsed(const Article& a) {
  std::string doc = to_frontmatter(a);
  ParsedInput parsed = parse_input(doc, "written.md", InputFormat::kFrontmatter);
  INFO(doc);
  for (const auto& d : parsed.diagnostics) INFO(d.field << ": " << d.message);
  REQUIRE(parsed.status == InputStatus::kArticles);
  REQUIRE(parsed.articles.size() == 1);
  return parsed.articles[0];
}

}  // namespace

TEST_CASE("every fixture article survives frontmatter out and back", "[core][frontmatter_writer]") {
  std::vector<test::fs::path> inputs{test::fs::path(NEWSDB_TEST_DATA) / "query", NEWSDB_SAMPLES};
  inputs.push_back(test::generated_corpus(300, 5));
  auto articles = test::parse_files(test::input_files(inputs));
  REQUIRE(articles.size() > 10);
  for (const auto& a : articles) {
    INFO(a.canonical_url);
    CHECK(reparsed(a) == a);
  }
}

TEST_CASE("strings that look like other types stay strings", "[core][frontmatter_writer]") {
  Article a;
  a.title = "yes";
  a.original_url = "https://example.com/a";
  a.canonical_url = "https://example.com/a";
  a.excerpt = "0123";
  a.category = "2023-01-01";
  a.type = "null";
  a.topics = {"true", "~", "1e3", "- dash", "# hash", "key: value", "[list]", "{map}", "*alias",
              "&anchor", "!tag", "%directive", "@at", "`tick`", "'single'", "\"double\""};
  a.extra = Json::object({{"locale", "no"}, {"count", "42"}, {"float", 0.1}, {"big", 9007199254740993LL},
                          {"neg", -5}, {"nothing", nullptr}, {"flag", false}});
  a.secured = "abc+/==;def==";
  CHECK(reparsed(a) == a);
}

TEST_CASE("text with line breaks, tabs, quotes and Unicode separators round-trips",
          "[core][frontmatter_writer]") {
  Article a;
  a.title = "Line one\nline two\ttabbed \"quoted\" back\\slash";
  a.original_url = "https://example.com/b";
  a.canonical_url = "https://example.com/b";
  a.excerpt = std::string("para\xE2\x80\xA8sep\xE2\x80\xA9next\xC2\x85" "nel café 日本 🚀");
  a.body = "# Title\n\n---\n\nAfter a thematic break.\n";
  a.topics = {"Économie", "with: colon"};
  CHECK(reparsed(a) == a);
}

TEST_CASE("the layout follows the article format's order", "[core][frontmatter_writer]") {
  Article a;
  a.title = "T";
  a.category = "news";
  a.original_url = "https://example.com/c";
  a.canonical_url = "https://example.com/c";
  a.published_date_time = Timestamp(std::chrono::seconds(1700803920));
  a.quality = 74;
  a.secured = "s";
  a.extra = Json::object({{"zeta", 1}, {"alpha", 2}});
  std::string doc = to_frontmatter(a);
  CHECK(doc.starts_with("---\ncategory: \"news\"\ntitle: \"T\"\n"));
  CHECK(doc.find("publishedDateTime: 2023-11-24T05:32:00Z") != std::string::npos);
  CHECK(doc.find("quality: 74") < doc.find("secured:"));
  CHECK(doc.find("secured:") < doc.find("zeta"));
  CHECK(doc.find("zeta") < doc.find("alpha"));  // unknown fields in their own order
  CHECK(doc.ends_with("\n---\n"));
}
