// Grouping quality on a labelled set of real articles (tests/data/stories/: copies from a real
// news corpus and pairs.tsv, each pair labelled by reading both articles). Reports pairwise
// precision (of the labelled pairs grouped together, how many are one event) and recall (of the
// pairs that are one event, how many are grouped together) and holds floors under both, precision
// first: merging two events is worse than showing one twice. docs/stories.md has the numbers.
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <sstream>

#include "story/memory_index.hpp"
#include "support/backends.hpp"
#include "support/fixture_store.hpp"

using namespace newsdb;
namespace fs = std::filesystem;

namespace {

struct Pair {
  std::string a, b;
  bool same = false;
};

std::vector<Pair> labelled_pairs() {
  std::ifstream in(fs::path(NEWSDB_TEST_DATA) / "stories" / "pairs.tsv");
  REQUIRE(in);
  std::vector<Pair> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    Pair p;
    std::string label;
    std::getline(fields, p.a, '\t');
    std::getline(fields, p.b, '\t');
    std::getline(fields, label, '\t');
    REQUIRE((label == "same" || label == "different"));
    p.same = label == "same";
    out.push_back(p);
  }
  return out;
}

std::vector<fs::path> article_files() {
  std::vector<fs::path> out;
  for (const auto& f : test::input_files({fs::path(NEWSDB_TEST_DATA) / "stories"})) {
    if (f.extension() == ".md") out.push_back(f);
  }
  return out;
}

}  // namespace

TEST_CASE("grouping the labelled real articles: precision and recall over their floors",
          "[story][evaluation]") {
  auto files = article_files();
  auto articles = test::parse_files(files);
  REQUIRE(articles.size() == files.size());  // one article a file
  std::vector<ArticleFields> fields(articles.begin(), articles.end());
  auto stories = story::group_articles(fields);
  std::map<std::string, std::int64_t> story_of;
  for (std::size_t i = 0; i < files.size(); ++i) story_of[files[i].filename().string()] = stories[i];

  int same = 0, same_grouped = 0, different = 0, different_grouped = 0;
  for (const auto& p : labelled_pairs()) {
    REQUIRE(story_of.count(p.a) == 1);
    REQUIRE(story_of.count(p.b) == 1);
    bool grouped = story_of[p.a] == story_of[p.b];
    if (p.same) {
      ++same;
      same_grouped += grouped;
      if (!grouped) UNSCOPED_INFO("not grouped: " << p.a << " " << p.b);
    } else {
      ++different;
      different_grouped += grouped;
      if (grouped) UNSCOPED_INFO("wrongly grouped: " << p.a << " " << p.b);
    }
  }
  double precision = same_grouped + different_grouped == 0
                         ? 1.0
                         : double(same_grouped) / double(same_grouped + different_grouped);
  double recall = double(same_grouped) / double(same);
  WARN("story evaluation: " << same << " same pairs, " << different << " different pairs; "
                            << "precision " << precision << ", recall " << recall << " ("
                            << same_grouped << " of " << same << " same pairs grouped, "
                            << different_grouped << " of " << different
                            << " different pairs grouped)");
  CHECK(same >= 30);
  CHECK(different >= 20);
  CHECK(precision >= 0.95);
  CHECK(recall >= 0.70);
}

TEST_CASE("a store groups the labelled real articles exactly as the grouper does in memory",
          "[story][evaluation]") {
  auto files = article_files();
  auto articles = test::parse_files(files);
  std::vector<ArticleFields> fields(articles.begin(), articles.end());
  auto expected = story::group_articles(fields);
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend);
      test::import_files(fresh.store(), files);
      for (std::size_t i = 0; i < articles.size(); ++i) {
        auto stored = fresh.store().reader().get_by_url(articles[i].canonical_url);
        REQUIRE(stored);
        REQUIRE(*stored);
        INFO(files[i].filename().string());
        CHECK((*stored)->story_id == expected[i]);
      }
    }
  }
}
