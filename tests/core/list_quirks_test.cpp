// Empty items of `topics`, `images` and `related`, as the real archives' generator writes them
// (`topics:` / `  - ` / `  - Diablo 4`), are dropped with a warning and the article is kept; the
// warning reaches `check` and `import` as any diagnostic does, and counts as no failure.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <newsdb/article_json.hpp>
#include <newsdb/document.hpp>
#include <sstream>

#include "support/cli_db.hpp"
#include "support/process.hpp"

namespace fs = std::filesystem;
using namespace newsdb;
using namespace newsdb::test;

namespace {

const fs::path kFixture = fs::path(NEWSDB_TEST_DATA) / "quirks" / "empty-items.md";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> formatted(const ParsedInput& parsed) {
  std::vector<std::string> lines;
  for (const Diagnostic& d : parsed.diagnostics) lines.push_back(format_diagnostic(d));
  return lines;
}

// The warnings the fixture must give, written by hand from its lines and columns (the opening
// fence is line 1; a null item stands just after its dash, whatever spaces follow it).
const std::vector<std::string> kFixtureWarnings = {
    "empty-items.md:10:4: warning: `topics[0]` is empty: left out of `topics`, the article kept",
    "empty-items.md:12:5: warning: `topics[2]` is empty: left out of `topics`, the article kept",
    "empty-items.md:14:4: warning: `images[0]` is empty: left out of `images`, the article kept",
    "empty-items.md:18:5: warning: `related[0]` is empty: left out of `related`, the article kept",
};

}  // namespace

TEST_CASE("empty items of topics, images and related are dropped with a warning", "[quirks]") {
  ParsedInput parsed =
      parse_input(read_file(kFixture), "empty-items.md", InputFormat::kFrontmatter);
  CHECK(parsed.status == InputStatus::kArticles);
  CHECK(parsed.failed_records == 0);
  CHECK(formatted(parsed) == kFixtureWarnings);
  for (const Diagnostic& d : parsed.diagnostics) CHECK(d.severity == Severity::kWarning);
  REQUIRE(parsed.articles.size() == 1);
  const Article& a = parsed.articles[0];
  CHECK(a.topics == std::vector<std::string>{"Diablo 4"});
  REQUIRE(a.images.size() == 1);
  CHECK(a.images[0].url == "https://example.com/img/d4.jpg");
  REQUIRE(a.related.size() == 1);
  CHECK(a.related[0].title == "Diablo 4 Patch Notes");
}

TEST_CASE("an empty mapping, a blank text and a lone empty topic are empty items too", "[quirks]") {
  std::string text =
      "---\ntitle: T\nwebUrl: https://x.org/\ntopics: \"  \"\nimages: [{}]\nrelated: [{}]\n---\n";
  ParsedInput parsed = parse_input(text, "e.md", InputFormat::kFrontmatter);
  CHECK(parsed.status == InputStatus::kArticles);
  CHECK(
      formatted(parsed) ==
      std::vector<std::string>{"e.md:4:9: warning: `topics` is empty: no topics, the article kept",
                               "e.md:5:10: warning: `images[0]` is empty: left out of `images`, "
                               "the article kept",
                               "e.md:6:11: warning: `related[0]` is empty: left out of "
                               "`related`, the article kept"});
  REQUIRE(parsed.articles.size() == 1);
  CHECK(parsed.articles[0].topics.empty());
  CHECK(parsed.articles[0].images.empty());
  CHECK(parsed.articles[0].related.empty());
}

TEST_CASE("JSON records drop null and empty list items with a warning too", "[quirks]") {
  std::string json =
      R"({"title":"T","webUrl":"https://x.org/","topics":[null,"AI",""],"images":[null],)"
      R"("related":[{}]})";
  ParsedInput parsed = parse_input(json, "r.json", InputFormat::kJson);
  CHECK(parsed.status == InputStatus::kArticles);
  REQUIRE(parsed.diagnostics.size() == 4);
  for (const Diagnostic& d : parsed.diagnostics) CHECK(d.severity == Severity::kWarning);
  CHECK(parsed.diagnostics[0].field == "topics[0]");
  CHECK(parsed.diagnostics[1].field == "topics[2]");
  CHECK(parsed.diagnostics[2].field == "images[0]");
  CHECK(parsed.diagnostics[3].field == "related[0]");
  REQUIRE(parsed.articles.size() == 1);
  CHECK(parsed.articles[0].topics == std::vector<std::string>{"AI"});
}

TEST_CASE("a warning does not hide the errors of the same record", "[quirks]") {
  std::string text = "---\ntitle: T\nwebUrl: https://x.org/\ntopics:\n  -\n  - [a]\n---\n";
  ParsedInput parsed = parse_input(text, "m.md", InputFormat::kFrontmatter);
  CHECK(parsed.status == InputStatus::kFailed);
  CHECK(formatted(parsed) ==
        std::vector<std::string>{
            "m.md:5:4: warning: `topics[0]` is empty: left out of `topics`, the article kept",
            "m.md:6:5: error: `topics[1]` must be text, got a list"});
  // The Result form reports the error, not the warning before it.
  auto article = article_from_json(
      Json::parse(R"({"title":"T","webUrl":"https://x.org/","topics":[null, 5]})"));
  REQUIRE_FALSE(article);
  CHECK(article.error().message == "topics[1]: `topics[1]` must be text, got 5");
}

TEST_CASE("check and import print the warnings, keep the article and exit 0", "[quirks]") {
  auto check = run_newsdb({"check", "--report", "json", kFixture.string()});
  INFO(check.err);
  CHECK(check.exit_code == 0);
  auto report = Json::parse(check.out);
  CHECK(report["ok"] == 1);
  CHECK(report["failed"] == 0);
  CHECK(report["articles"] == 1);
  CHECK(report["errors"].empty());  // the report lists errors; warnings are on stderr
  std::string expected;
  for (const std::string& w : kFixtureWarnings) {
    expected += kFixture.parent_path().string() + "/" + w + "\n";
  }
  CHECK(check.err == expected);

  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      CliDb db(backend);
      auto imported = db.run({"import", "--report", "json", kFixture.string()});
      INFO(imported.err);
      CHECK(imported.exit_code == 0);
      auto summary = Json::parse(imported.out);
      CHECK(summary["new"] == 1);
      CHECK(summary["failed"] == 0);
      CHECK(summary["errors"].empty());
      CHECK(imported.err.find(expected) != std::string::npos);
      auto shown =
          db.run({"show", "--format", "json", "https://example.com/games/diablo-4-season-2"});
      REQUIRE(shown.exit_code == 0);
      auto article = Json::parse(shown.out);
      CHECK(article["topics"] == Json::array({"Diablo 4"}));
      CHECK(article["images"].size() == 1);
      CHECK(article["related"].size() == 1);
      // A file that warned is not a failed one: `errors` has nothing to list.
      auto errors = db.run({"errors", "--format", "json"});
      CHECK(Json::parse(errors.out).empty());
    }
  }
}

TEST_CASE("warnings are capped per record like errors", "[quirks]") {
  std::string text = "---\ntitle: T\nwebUrl: https://x.org/\ntopics:\n";
  for (int i = 0; i < 1000; ++i) text += "  -\n";
  text += "  - Kept\n---\n";
  ParsedInput parsed = parse_input(text, "many.md", InputFormat::kFrontmatter);
  CHECK(parsed.status == InputStatus::kArticles);
  REQUIRE(parsed.diagnostics.size() == 21);
  CHECK(parsed.diagnostics.back().message ==
        "more warnings in this record (over 20): the rest are not shown");
  CHECK(parsed.diagnostics.back().severity == Severity::kWarning);
  REQUIRE(parsed.articles.size() == 1);
  CHECK(parsed.articles[0].topics == std::vector<std::string>{"Kept"});
}
