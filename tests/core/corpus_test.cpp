// Real material parses clean: the slice of real news metadata (tests/data/real), and samples/.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <newsdb/document.hpp>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using namespace newsdb;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Tally {
  std::size_t articles = 0;
  std::size_t not_articles = 0;
  std::set<std::string> identities;
};

Tally parse_folder(const fs::path& folder) {
  Tally tally;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (!entry.is_regular_file()) continue;
    std::string path = entry.path().string();
    ParsedInput parsed = parse_input(read_file(entry.path()), path, input_format_for_path(path));
    if (parsed.status == InputStatus::kNotAnArticle) {
      ++tally.not_articles;
      continue;
    }
    for (const Diagnostic& d : parsed.diagnostics) FAIL_CHECK(format_diagnostic(d));
    CHECK(parsed.status == InputStatus::kArticles);
    for (const Article& a : parsed.articles) tally.identities.insert(a.canonical_url);
    tally.articles += parsed.articles.size();
  }
  return tally;
}

}  // namespace

TEST_CASE("every file of the real corpus parses clean", "[corpus]") {
  fs::path real = fs::path(NEWSDB_TEST_DATA) / "real";
  REQUIRE(fs::is_directory(real));
  // One article per .md file, each with its own canonical URL (the folder's README); the README
  // itself is the only file without frontmatter.
  std::size_t md_files = 0;
  for (const auto& entry : fs::directory_iterator(real)) {
    if (entry.path().extension() == ".md" && entry.path().filename() != "README.md") ++md_files;
  }
  REQUIRE(md_files == 866);
  Tally tally = parse_folder(real);
  CHECK(tally.articles == md_files);
  CHECK(tally.not_articles == 1);
  CHECK(tally.identities.size() == md_files);
}

TEST_CASE("every sample parses clean", "[corpus]") {
  Tally tally = parse_folder(NEWSDB_SAMPLES);
  CHECK(tally.articles >= 1);
  CHECK(tally.not_articles == 0);
  CHECK(tally.identities.size() == tally.articles);
}
