// Every file in tests/data/broken must produce exactly the diagnostics listed, by hand, in
// tests/data/broken/expected-diagnostics.txt — no more, no fewer — and never an article.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <newsdb/document.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace newsdb;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

const fs::path kBroken = fs::path(NEWSDB_TEST_DATA) / "broken";

}  // namespace

TEST_CASE("each broken file produces exactly its pinned diagnostics", "[broken]") {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(kBroken)) {
    if (entry.path().extension() != ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 30);

  std::vector<std::string> actual;
  for (const fs::path& file : files) {
    std::string name = file.filename().string();
    ParsedInput parsed = parse_input(read_file(file), name, input_format_for_path(name));
    INFO(name);
    CHECK(parsed.status == InputStatus::kFailed);
    CHECK(parsed.failed_records >= 1);
    if (input_format_for_path(name) == InputFormat::kFrontmatter) CHECK(parsed.articles.empty());
    for (const Diagnostic& d : parsed.diagnostics) actual.push_back(format_diagnostic(d));
  }
  std::vector<std::string> expected = lines_of(read_file(kBroken / "expected-diagnostics.txt"));
  REQUIRE(actual.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) CHECK(actual[i] == expected[i]);
}

TEST_CASE("a JSON file with one bad record still gives its good records", "[broken]") {
  ParsedInput json =
      parse_input(read_file(kBroken / "records.json"), "records.json", InputFormat::kJson);
  CHECK(json.status == InputStatus::kFailed);
  REQUIRE(json.articles.size() == 1);
  CHECK(json.articles[0].title == "Good one");
  CHECK(json.failed_records == 1);

  ParsedInput ndjson =
      parse_input(read_file(kBroken / "records.ndjson"), "records.ndjson", InputFormat::kNdjson);
  REQUIRE(ndjson.articles.size() == 1);
  CHECK(ndjson.articles[0].canonical_url == "https://example.com/1");
  CHECK(ndjson.failed_records == 2);
}

TEST_CASE("a file without frontmatter is not an article, whatever it holds", "[broken]") {
  ParsedInput readme =
      parse_input(read_file(kBroken / "README.txt"), "README.txt", InputFormat::kFrontmatter);
  CHECK(readme.status == InputStatus::kNotAnArticle);
  CHECK(readme.failed_records == 0);
  REQUIRE(readme.diagnostics.size() == 1);
  CHECK(readme.diagnostics[0].message ==
        "not an article: the first line must be `---` to open the frontmatter");

  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  CHECK(parse_input(png, "logo.png", InputFormat::kFrontmatter).status ==
        InputStatus::kNotAnArticle);
}
