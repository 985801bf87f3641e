// Stories as the store keeps them, on every backend: grouping at write time, summaries, moving an
// article between stories, re-imports and a store that predates stories.
#include <catch2/catch.hpp>
#include <map>
#include <newsdb/store.hpp>
#include <set>

#include "store/writer_fixtures.hpp"
#include "support/backends.hpp"
#include "support/store_sql.hpp"

using namespace newsdb;
using namespace newsdb::test;

namespace {

constexpr std::int64_t kMay1 = 1588334400;  // 2020-05-01T12:00:00Z

Article story_article(const std::string& url, const std::string& title, const std::string& excerpt,
                      const std::string& provider, std::int64_t hours = 0) {
  Article a = article(url, title);
  a.excerpt = excerpt;
  a.published_date_time = at(kMay1 + hours * 3600);
  a.provider = Provider{provider, provider + ".example", Json::object()};
  a.topics = {"Health"};
  return a;
}

const std::string kItalyExcerpt =
    "Italy recorded its lowest daily death toll in weeks as the lockdown began to ease in the north.";
const std::string kRecordExcerpt =
    "The state reported 1,200 new cases on Monday as testing expanded across rural counties.";

// Six articles: a BBC report on two hosts (one story), one report syndicated by two papers (one
// story), and two reports under one stock headline about different things (two stories).
std::vector<Article> corpus() {
  return {
      story_article("https://www.bbc.com/news/world-52345678", "Coronavirus: Italy deaths fall",
                    kItalyExcerpt, "BBC"),
      story_article("https://www.bbc.co.uk/news/world-52345678",
                    "Coronavirus: Italy deaths fall - BBC News", kItalyExcerpt, "BBC", 1),
      story_article("https://www.newsobserver.com/news/a1.html",
                    "North Carolina reports record number of new virus cases | Raleigh News & "
                    "Observer",
                    kRecordExcerpt, "News & Observer", 2),
      story_article("https://www.charlotteobserver.com/news/b2.html",
                    "North Carolina reports record number of new virus cases", kRecordExcerpt,
                    "Charlotte Observer", 3),
      story_article("https://a.example.ca/x1", "The latest developments on COVID-19 in Canada today",
                    "Ontario opens schools while Quebec delays reopening plans.", "CP", 4),
      story_article("https://b.example.ca/y2", "The latest developments on COVID-19 in Canada today",
                    "Federal wage subsidy extended through December, minister announces.", "CTV",
                    5),
  };
}

std::map<std::string, std::int64_t> story_by_url(Store& store) {
  Query q;
  q.limit = 0;
  auto found = store.reader().find(q);
  REQUIRE(found);
  std::map<std::string, std::int64_t> out;
  for (const auto& a : *found) {
    REQUIRE(a.story_id);
    out[a.article.canonical_url] = *a.story_id;
  }
  return out;
}

std::vector<std::string> story_rows(const std::string& db) {
  return stored_rows(db,
                     "SELECT id || ' ' || articles || ' ' || providers || ' ' || title FROM "
                     "stories ORDER BY id");
}

}  // namespace

TEST_CASE("stories group one report, syndicated copies, and keep different events apart",
          "[store][story]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      FreshStore fresh(backend);
      Store& store = fresh.store();
      REQUIRE(store.writer().write_batch(std::vector{file("a.ndjson", corpus())}, at(kMay1)));
      auto s = story_by_url(store);
      REQUIRE(s.size() == 6);
      CHECK(s["https://www.bbc.com/news/world-52345678"] ==
            s["https://www.bbc.co.uk/news/world-52345678"]);
      CHECK(s["https://www.newsobserver.com/news/a1.html"] ==
            s["https://www.charlotteobserver.com/news/b2.html"]);
      CHECK(s["https://a.example.ca/x1"] != s["https://b.example.ca/y2"]);
      CHECK(s["https://www.bbc.com/news/world-52345678"] !=
            s["https://www.newsobserver.com/news/a1.html"]);
      // Ids are given in the order stories start.
      CHECK(std::set<std::int64_t>{s["https://www.bbc.com/news/world-52345678"],
                                   s["https://www.newsobserver.com/news/a1.html"],
                                   s["https://a.example.ca/x1"], s["https://b.example.ca/y2"]} ==
            std::set<std::int64_t>{1, 2, 3, 4});

      auto stats = store.reader().stats(5);
      REQUIRE(stats);
      CHECK(stats->stories == 4);

      auto nc = store.stories().get(s["https://www.newsobserver.com/news/a1.html"]);
      REQUIRE(nc);
      REQUIRE(*nc);
      CHECK((*nc)->articles == 2);
      CHECK((*nc)->providers == 2);
      // The headline both share, as the earliest wrote it.
      CHECK((*nc)->title ==
            "North Carolina reports record number of new virus cases | Raleigh News & Observer");
      CHECK((*nc)->first_published == at(kMay1 + 2 * 3600));
      CHECK((*nc)->last_published == at(kMay1 + 3 * 3600));
      CHECK((*nc)->topics == std::vector<std::string>{"Health"});

      auto coverage = store.stories().articles((*nc)->id);
      REQUIRE(coverage);
      REQUIRE(coverage->size() == 2);
      CHECK((*coverage)[0].article.canonical_url == "https://www.newsobserver.com/news/a1.html");

      StoryQuery newest;
      newest.limit = 2;
      auto page = store.stories().find(newest);
      REQUIRE(page);
      REQUIRE(page->size() == 2);
      CHECK((*page)[0].id == s["https://b.example.ca/y2"]);  // latest coverage first
      CHECK((*page)[1].id == s["https://a.example.ca/x1"]);
      StoryQuery by_size;
      by_size.sort = StorySort::kSize;
      by_size.limit = 0;
      auto sized = store.stories().find(by_size);
      REQUIRE(sized);
      REQUIRE(sized->size() == 4);
      CHECK((*sized)[0].id == s["https://www.newsobserver.com/news/a1.html"]);  // 2, newer
      CHECK((*sized)[1].id == s["https://www.bbc.com/news/world-52345678"]);
      StoryQuery filtered;
      filtered.filter.providers = {"CTV"};
      auto ctv = store.stories().find(filtered);
      REQUIRE(ctv);
      REQUIRE(ctv->size() == 1);
      CHECK((*ctv)[0].id == s["https://b.example.ca/y2"]);
    }
  }
}

TEST_CASE("an unchanged re-import changes no story, a changed article moves, an empty story goes",
          "[store][story]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      FreshStore fresh(backend);
      Store& store = fresh.store();
      REQUIRE(store.writer().write_batch(std::vector{file("a.ndjson", corpus())}, at(kMay1)));
      auto before = story_by_url(store);
      auto rows_before = story_rows(fresh.spec());
      REQUIRE(store.writer().write_batch(std::vector{file("a.ndjson", corpus())}, at(kMay1 + 99)));
      CHECK(story_by_url(store) == before);
      CHECK(story_rows(fresh.spec()) == rows_before);

      // The second Canadian report becomes a copy of the North Carolina one: it joins that
      // story, and its own story of one goes.
      auto changed = corpus();
      Article& ca = changed[5];
      ca.title = "North Carolina reports record number of new virus cases";
      ca.excerpt = kRecordExcerpt;
      std::int64_t old_story = before["https://b.example.ca/y2"];
      REQUIRE(store.writer().write_batch(std::vector{file("a.ndjson", changed)}, at(kMay1 + 200)));
      auto after = story_by_url(store);
      CHECK(after["https://b.example.ca/y2"] == before["https://www.newsobserver.com/news/a1.html"]);
      auto gone = store.stories().get(old_story);
      REQUIRE(gone);
      CHECK(!*gone);
      auto stats = store.reader().stats(5);
      REQUIRE(stats);
      CHECK(stats->stories == 3);
      auto nc = store.stories().get(after["https://b.example.ca/y2"]);
      REQUIRE(nc);
      REQUIRE(*nc);
      CHECK((*nc)->articles == 3);

      // Changed back, it starts a new story (never an old id again).
      REQUIRE(store.writer().write_batch(std::vector{file("a.ndjson", corpus())}, at(kMay1 + 300)));
      auto back = story_by_url(store);
      CHECK(back["https://b.example.ca/y2"] == 5);
      auto nc2 = store.stories().get(after["https://b.example.ca/y2"]);
      REQUIRE(nc2);
      REQUIRE(*nc2);
      CHECK((*nc2)->articles == 2);
    }
  }
}

TEST_CASE("a store without stories gets them on its first opening for writing", "[store][story]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      FreshStore fresh(backend);
      REQUIRE(fresh.store().writer().write_batch(std::vector{file("a.ndjson", corpus())},
                                                 at(kMay1)));
      auto before = story_by_url(fresh.store());
      auto rows_before = story_rows(fresh.spec());
      // What the stories migration leaves: the tables, empty, and nothing grouped.
      exec_sql(fresh.spec(),
               "DELETE FROM story_keys; DELETE FROM story_members; DELETE FROM stories; "
               "UPDATE story_state SET last_story = 0, backfilled = " +
                   std::string(backend == "sqlite" ? "0" : "false"));
      auto again = fresh.open_another();
      CHECK(story_by_url(*again) == before);
      CHECK(story_rows(fresh.spec()) == rows_before);
    }
  }
}
