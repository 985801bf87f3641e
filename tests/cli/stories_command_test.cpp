// `newsdb stories`, `newsdb story`, `storyId` in article JSON, `--collapse` and the stories count
// of `stats`, run as a user runs them on every backend, over the labelled real articles of
// tests/data/stories.
#include <catch2/catch.hpp>
#include <map>
#include <newsdb/article.hpp>
#include <set>

#include "cli/run_cli.hpp"
#include "support/backends.hpp"

using namespace newsdb;
using namespace newsdb::test;

namespace {

std::string stories_dir() { return (std::filesystem::path(NEWSDB_TEST_DATA) / "stories").string(); }

Json parsed(const Ran& r) {
  INFO(r.err);
  REQUIRE(r.status == 0);
  return Json::parse(r.out);
}

}  // namespace

TEST_CASE("stories come out the same whatever --jobs, and in the documented shape",
          "[cli][story]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      FreshStore one(backend, Creation::kLater);
      FreshStore four(backend, Creation::kLater);
      REQUIRE(run_cli({"--db", one.spec(), "import", "--jobs", "1", stories_dir()}).status == 0);
      REQUIRE(run_cli({"--db", four.spec(), "import", "--jobs", "4", stories_dir()}).status == 0);
      auto list = run_cli({"--db", one.spec(), "stories", "--limit", "0", "--format", "json"});
      CHECK(list.out ==
            run_cli({"--db", four.spec(), "stories", "--limit", "0", "--format", "json"}).out);
      Json stories = parsed(list);
      REQUIRE(stories.is_array());
      REQUIRE(!stories.empty());
      std::int64_t total = 0;
      for (const auto& s : stories) {
        std::vector<std::string> keys;
        for (const auto& [k, v] : s.items()) keys.push_back(k);
        CHECK(keys == std::vector<std::string>{"id", "title", "articles", "providers",
                                               "firstPublished", "lastPublished", "topics"});
        total += s["articles"].get<std::int64_t>();
      }
      // 75 articles, each in exactly one story.
      CHECK(total == 75);
      Json stats = parsed(run_cli({"--db", one.spec(), "stats", "--format", "json"}));
      CHECK(stats["stories"] == stories.size());
      // Newest first: lastPublished never rises down the list.
      for (std::size_t i = 1; i < stories.size(); ++i) {
        CHECK(stories[i - 1]["lastPublished"].get<std::string>() >=
              stories[i]["lastPublished"].get<std::string>());
      }
      // An unchanged re-import changes nothing.
      REQUIRE(run_cli({"--db", one.spec(), "import", stories_dir()}).status == 0);
      CHECK(run_cli({"--db", one.spec(), "stories", "--limit", "0", "--format", "json"}).out ==
            list.out);
    }
  }
}

TEST_CASE("story shows its coverage earliest first, by id or by an article's URL", "[cli][story]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      FreshStore fresh(backend, Creation::kLater);
      REQUIRE(run_cli({"--db", fresh.spec(), "import", stories_dir()}).status == 0);
      // The BBC report on .com and .co.uk is one story.
      const std::string uk = "https://www.bbc.co.uk/news/world-europe-51793619";
      Json by_url = parsed(run_cli({"--db", fresh.spec(), "story", uk, "--format", "json"}));
      CHECK(by_url["articles"].size() == 2);
      CHECK(by_url["articles"][0]["webUrl"] == "https://www.bbc.com/news/world-europe-51793619");
      CHECK(by_url["articles"][1]["webUrl"] == uk);
      for (const auto& a : by_url["articles"]) CHECK(a["storyId"] == by_url["id"]);
      std::string id = std::to_string(by_url["id"].get<std::int64_t>());
      CHECK(parsed(run_cli({"--db", fresh.spec(), "story", id, "--format", "json"})) == by_url);

      auto text = run_cli({"--db", fresh.spec(), "story", id});
      CHECK(text.status == 0);
      CHECK_THAT(text.out, Catch::Contains("2 articles from 2 providers"));  // BBC of bbc.com, BBC of bbc.co.uk
      CHECK_THAT(text.out, Catch::Contains("First reported by BBC at 2020-03-08T18:03:00Z"));

      std::string article = std::to_string(by_url["articles"][0]["id"].get<std::int64_t>());
      auto show = run_cli({"--db", fresh.spec(), "show", article});
      CHECK_THAT(show.out, Catch::Contains("Story " + id + " · 2 articles from 2 providers"));
      Json shown = parsed(run_cli({"--db", fresh.spec(), "show", article, "--format", "json"}));
      CHECK(shown["storyId"] == by_url["id"]);

      CHECK(run_cli({"--db", fresh.spec(), "story", "999999"}).status == 1);
      CHECK(run_cli({"--db", fresh.spec(), "story", "nonsense"}).status == 2);
      CHECK(run_cli({"--db", fresh.spec(), "stories", "--sort", "oldest"}).status == 2);
    }
  }
}

TEST_CASE("query --collapse gives one row per story with its size", "[cli][story]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      FreshStore fresh(backend, Creation::kLater);
      REQUIRE(run_cli({"--db", fresh.spec(), "import", stories_dir()}).status == 0);
      Json all = parsed(run_cli({"--db", fresh.spec(), "query", "--limit", "0", "--format", "json"}));
      std::map<std::int64_t, std::int64_t> sizes;
      for (const auto& a : all) sizes[a["storyId"].get<std::int64_t>()]++;
      Json collapsed = parsed(run_cli(
          {"--db", fresh.spec(), "query", "--collapse", "--limit", "0", "--format", "json"}));
      CHECK(collapsed.size() == sizes.size());
      std::set<std::int64_t> seen;
      for (const auto& a : collapsed) {
        auto story = a["storyId"].get<std::int64_t>();
        CHECK(seen.insert(story).second);
        CHECK(a["storyArticles"] == sizes[story]);
      }
      Json page = parsed(run_cli({"--db", fresh.spec(), "query", "--collapse", "--limit", "3",
                                  "--offset", "2", "--format", "json"}));
      REQUIRE(page.size() == 3);
      CHECK(page[0] == collapsed[2]);
      CHECK(page[2] == collapsed[4]);
      Json searched = parsed(run_cli({"--db", fresh.spec(), "search", "orphan drug", "--collapse",
                                      "--format", "json"}));
      std::set<std::int64_t> search_stories;
      for (const auto& a : searched) CHECK(search_stories.insert(a["storyId"].get<std::int64_t>()).second);
      CHECK(!searched.empty());
    }
  }
}

TEST_CASE("stories and story help show examples", "[cli][story]") {
  for (const char* command : {"stories", "story"}) {
    auto help = run_cli({"help", command});
    CHECK(help.status == 0);
    CHECK_THAT(help.out, Catch::Contains("Examples:\n  newsdb " + std::string(command)));
  }
}
