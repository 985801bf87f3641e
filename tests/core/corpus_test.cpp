// Real material parses clean: the shared corpus of real news metadata, and samples/.
#include <catch2/catch.hpp>
#include <cstdlib>
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
  // NEWSDB_SHARED_DIR in the environment overrides the build's (a worktree sits elsewhere).
  const char* shared = std::getenv("NEWSDB_SHARED_DIR");
  fs::path real = fs::path(shared != nullptr ? shared : NEWSDB_SHARED_DIR) / "corpus" / "real";
  if (!fs::is_directory(real)) {
    WARN("skipped: " << real << " is absent");
    return;
  }
  Tally tally = parse_folder(real);
  // The corpus README: 4095 articles, one file each, deduplicated by URL; the README itself is
  // the only file without frontmatter.
  CHECK(tally.articles == 4095);
  CHECK(tally.not_articles == 1);
  CHECK(tally.identities.size() == 4095);
}

TEST_CASE("every sample parses clean", "[corpus]") {
  Tally tally = parse_folder(NEWSDB_SAMPLES);
  CHECK(tally.articles >= 1);
  CHECK(tally.not_articles == 0);
  CHECK(tally.identities.size() == tally.articles);
}
