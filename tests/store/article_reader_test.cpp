// The reader of every backend (SQLite, and PostgreSQL when the run has a server) against a store
// built from fixture files; every expected answer is computed from the parsed fixtures
// (reader_fixture.hpp), never from the store, so both backends must give the same answers.
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "store/reader_fixture.hpp"

using namespace newsdb;
using namespace newsdb::test;

namespace {

std::vector<StoredArticle> find(ReaderFixture& fx, const Query& q) {
  auto found = fx.reader().find(q);
  if (!found) FAIL(found.error().message);
  return *found;
}

Query query(Filter f, SortOrder sort = SortOrder::kNewest, std::int64_t limit = 0,
            std::int64_t offset = 0) {
  Query q;
  q.filter = std::move(f);
  q.sort = sort;
  q.limit = limit;
  q.offset = offset;
  return q;
}

// The largest topics of the fixtures, counted independently.
std::vector<std::string> common_topics(std::size_t n) {
  std::map<std::string, std::int64_t> counts;
  for (const auto& a : ReaderFixture::get().articles()) {
    std::set<std::string> seen;
    for (const auto& t : a.topics) {
      if (seen.insert(lower(t)).second) ++counts[lower(t)];
    }
  }
  std::vector<std::pair<std::int64_t, std::string>> ranked;
  for (const auto& [t, c] : counts) ranked.emplace_back(-c, t);
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < std::min(n, ranked.size()); ++i) out.push_back(ranked[i].second);
  return out;
}

Timestamp utc(int y, unsigned m, unsigned d, int h = 0, int min = 0, int s = 0) {
  using namespace std::chrono;
  return sys_days(year(y) / month(m) / day(d)) + hours(h) + minutes(min) + seconds(s);
}

}  // namespace

TEST_CASE("newest-N per topic is the topic's articles in date order, ties broken by URL",
          "[store][reader]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& fx = ReaderFixture::get(backend);
      auto topics = common_topics(4);
      topics.push_back("Ties");
      topics.push_back("physics");
      for (const auto& topic : topics) {
        INFO("topic " << topic);
        Filter f;
        f.topics = {topic};
        auto keep = [&](const Article& a) { return has_topic(a, topic); };
        CHECK(urls_of(find(fx, query(f, SortOrder::kNewest, 20))) ==
              expected_urls(fx.articles(), keep, SortOrder::kNewest, 20));
        CHECK(urls_of(find(fx, query(f, SortOrder::kNewest, 0))) ==
              expected_urls(fx.articles(), keep));
      }
    }
  }
}

TEST_CASE("same-second articles come in URL order, undated ones last either way",
          "[store][reader]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& fx = ReaderFixture::get(backend);
      Filter f;
      f.topics = {"Ties"};
      std::vector<std::string> newest = {"https://tie.example/a", "https://tie.example/b",
                                         "https://tie.example/c", "https://tie.example/undated"};
      CHECK(urls_of(find(fx, query(f, SortOrder::kNewest))) == newest);
      CHECK(urls_of(find(fx, query(f, SortOrder::kOldest))) == newest);  // all dated ones are equal
      CHECK(urls_of(find(fx, query(f, SortOrder::kHeat))) == newest);    // undated has no heat
    }
  }
}

TEST_CASE("every sort pages consistently: pages joined are the whole list", "[store][reader]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& fx = ReaderFixture::get(backend);
      auto topic = common_topics(1).front();
      for (auto sort :
           {SortOrder::kNewest, SortOrder::kOldest, SortOrder::kHeat, SortOrder::kQuality}) {
        for (bool filtered : {false, true}) {
          INFO("sort " << static_cast<int>(sort)
                       << (filtered ? " on topic " + topic : " unfiltered"));
          Filter f;
          if (filtered) f.topics = {topic};
          auto keep = [&](const Article& a) { return !filtered || has_topic(a, topic); };
          auto all = expected_urls(fx.articles(), keep, sort);
          CHECK(urls_of(find(fx, query(f, sort))) == all);
          std::vector<std::string> joined;
          for (std::int64_t offset = 0; offset < 60; offset += 7) {
            auto page = urls_of(find(fx, query(f, sort, 7, offset)));
            joined.insert(joined.end(), page.begin(), page.end());
          }
          all.resize(std::min<std::size_t>(all.size(), 63));
          CHECK(joined == all);
        }
      }
    }
  }
}

TEST_CASE("names match ignoring case, providers by name or domain", "[store][reader]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& fx = ReaderFixture::get(backend);
      Filter f;
      f.topics = {"FOOD & drink"};
      CHECK(urls_of(find(fx, query(f))) == expected_urls(fx.articles(), [](const Article& a) {
              return has_topic(a, "Food & Drink");
            }));
      CHECK(find(fx, query(f)).size() == 2);

      for (const char* provider : {"LE MONDE", "le monde", "LeMonde.FR"}) {
        Filter p;
        p.providers = {provider};
        CHECK(urls_of(find(fx, query(p))) ==
              std::vector<std::string>{"https://www.lemonde.fr/food/cafe-culture-returns"});
      }
      Filter c;
      c.categories = {"news"};  // "News", "news" and "NEWS" in the fixtures
      CHECK(urls_of(find(fx, query(c))) == expected_urls(fx.articles(), [](const Article& a) {
              return a.category && lower(*a.category) == "news";
            }));
      Filter t;
      t.types = {"ARTICLE"};
      CHECK(urls_of(find(fx, query(t))) == expected_urls(fx.articles(), [](const Article& a) {
              return a.type && lower(*a.type) == "article";
            }));
    }
  }
}

TEST_CASE("non-ASCII names fold too", "[store][reader]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& fx = ReaderFixture::get(backend);
      Filter f;
      f.topics = {"ÉCONOMIE"};
      auto spelled = [](const Article& a) {
        return std::any_of(a.topics.begin(), a.topics.end(), [](const std::string& t) {
          return t == "Économie" || t == "économie" || t == "ÉCONOMIE";
        });
      };
      auto expected = expected_urls(fx.articles(), spelled);
      CHECK(std::find(expected.begin(), expected.end(),
                      "https://everything.example/article?id=7") != expected.end());
      CHECK(urls_of(find(fx, query(f))) == expected);
    }
  }
}

TEST_CASE("repeats of a filter are OR, different filters AND", "[store][reader]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& fx = ReaderFixture::get(backend);
      Filter f;
      f.topics = {"Ties", "Physics", "Paris"};
      auto either = [](const Article& a) {
        return has_topic(a, "Ties") || has_topic(a, "Physics") || has_topic(a, "Paris");
      };
      CHECK(urls_of(find(fx, query(f))) == expected_urls(fx.articles(), either));
      CHECK(urls_of(find(fx, query(f, SortOrder::kNewest, 3, 2))) ==
            expected_urls(fx.articles(), either, SortOrder::kNewest, 3, 2));
      CHECK(urls_of(find(fx, query(f, SortOrder::kOldest, 4, 1))) ==
            expected_urls(fx.articles(), either, SortOrder::kOldest, 4, 1));

      f.providers = {"rank.example", "Drafts"};
      auto both = [&](const Article& a) {
        return either(a) && (has_provider(a, "rank.example") || has_provider(a, "Drafts"));
      };
      CHECK(urls_of(find(fx, query(f))) == expected_urls(fx.articles(), both));
      CHECK(find(fx, query(f)).size() == 4);

      f.published = false;
      CHECK(urls_of(find(fx, query(f))) ==
            std::vector<std::string>{"https://drafts.example/quantum"});

      auto topic = common_topics(2);
      Filter g;
      g.topics = topic;
      g.types = {"video", "article"};
      g.min_quality = 50;
      auto keep = [&](const Article& a) {
        return (has_topic(a, topic[0]) || has_topic(a, topic[1])) && a.type &&
               (lower(*a.type) == "video" || lower(*a.type) == "article") && a.quality &&
               *a.quality >= 50;
      };
      CHECK(urls_of(find(fx, query(g, SortOrder::kNewest, 20))) ==
            expected_urls(fx.articles(), keep, SortOrder::kNewest, 20));
      CHECK(urls_of(find(fx, query(g, SortOrder::kHeat, 20))) ==
            expected_urls(fx.articles(), keep, SortOrder::kHeat, 20));
    }
  }
}

TEST_CASE("date bounds include their ends, offsets in fixtures are normalised", "[store][reader]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& fx = ReaderFixture::get(backend);
      // cafe.md: 2024-03-05T10:00:00+01:00 is 09:00:00Z.
      Filter at_nine;
      at_nine.since = utc(2024, 3, 5, 9);
      at_nine.until = utc(2024, 3, 5, 9);
      CHECK(urls_of(find(fx, query(at_nine))) ==
            std::vector<std::string>{"https://www.lemonde.fr/food/cafe-culture-returns"});
      Filter after;
      after.since = utc(2024, 3, 5, 9, 0, 1);
      after.until = utc(2024, 3, 5, 23, 59, 59);
      CHECK(find(fx, query(after)).empty());

      Filter range;
      range.since = utc(2023, 1, 1);
      range.until = utc(2023, 6, 30, 23, 59, 59);
      auto keep = [&](const Article& a) {
        return a.published_date_time && *a.published_date_time >= *range.since &&
               *a.published_date_time <= *range.until;
      };
      CHECK(urls_of(find(fx, query(range, SortOrder::kNewest, 20))) ==
            expected_urls(fx.articles(), keep, SortOrder::kNewest, 20));
      CHECK(urls_of(find(fx, query(range, SortOrder::kOldest))) ==
            expected_urls(fx.articles(), keep, SortOrder::kOldest));
    }
  }
}

TEST_CASE("numeric and flag filters", "[store][reader]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& fx = ReaderFixture::get(backend);
      Filter f;
      f.min_heat = 300;
      CHECK(urls_of(find(fx, query(f))) == expected_urls(fx.articles(), [](const Article& a) {
              return a.heat && *a.heat >= 300;
            }));
      Filter q;
      q.min_quality = -12;
      q.published = true;
      CHECK(urls_of(find(fx, query(q, SortOrder::kQuality))) ==
            expected_urls(
                fx.articles(),
                [](const Article& a) {
                  return a.quality && *a.quality >= -12 && a.published == true;
                },
                SortOrder::kQuality));
      Filter no;
      no.published = false;
      CHECK(urls_of(find(fx, query(no))) ==
            expected_urls(fx.articles(), [](const Article& a) { return a.published == false; }));
    }
  }
}

TEST_CASE("injection-shaped names and text are plain values", "[store][reader]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& fx = ReaderFixture::get(backend);
      auto count_before = find(fx, query(Filter{})).size();
      const std::string quotes = "https://radar.example/bobby-tables";
      const std::string wild = "https://wild.example/percent";
      struct Case {
        std::vector<std::string> topics, providers;
        std::vector<std::string> expected;
      };
      std::vector<Case> cases = {
          {{"'; DROP TABLE articles; --"}, {}, {quotes}},
          {{"100%"}, {}, {wild}},  // not 100x: no LIKE pattern
          {{"a_b"}, {}, {wild}},   // not aXb
          {{"%"}, {}, {}},
          {{"_"}, {}, {}},
          {{}, {"%"}, {wild}},
          {{}, {"O'Reilly \"Radar\""}, {quotes}},
          {{}, {"' OR 1=1 --"}, {}},
          {{"\" OR \"\"=\""}, {}, {}},
      };
      for (const auto& c : cases) {
        Filter f;
        f.topics = c.topics;
        f.providers = c.providers;
        INFO((c.topics.empty() ? c.providers[0] : c.topics[0]));
        CHECK(urls_of(find(fx, query(f))) == c.expected);
        CHECK(urls_of(find(fx, query(f, SortOrder::kHeat))) == c.expected);
      }
      Filter category;
      category.categories = {"Opinion'; --"};
      CHECK(find(fx, query(category)).empty());

      for (const char* text :
           {"Bobby \"Tables\" O'Reilly; --", "O'Reilly", "\"Bobby\"", "bobby; --"}) {
        Filter f;
        f.text = text;
        INFO(text);
        CHECK(urls_of(find(fx, query(f, SortOrder::kRelevance))) ==
              std::vector<std::string>{quotes});
      }
      for (const char* text : {"100% _real_", "'; DROP TABLE articles; --"}) {
        Filter f;
        f.text = text;
        INFO(text);
        auto found = urls_of(find(fx, query(f, SortOrder::kRelevance)));
        CHECK(std::find(found.begin(), found.end(), quotes) != found.end());
      }
      CHECK(find(fx, query(Filter{})).size() == count_before);
      CHECK(count_before == fx.articles().size());
    }
  }
}

TEST_CASE("search ranks title over excerpt over body, ignores accents, quotes punctuation",
          "[store][reader][search]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& fx = ReaderFixture::get(backend);
      Filter f;
      f.text = "quantum";
      f.providers = {"Rank Report"};
      CHECK(urls_of(find(fx, query(f, SortOrder::kRelevance))) ==
            std::vector<std::string>{"https://rank.example/title", "https://rank.example/excerpt",
                                     "https://rank.example/body"});
      CHECK(urls_of(find(fx, query(f, SortOrder::kOldest))) ==
            std::vector<std::string>{"https://rank.example/title", "https://rank.example/excerpt",
                                     "https://rank.example/body"});

      for (const char* text : {"cafe", "CAFÉ", "Café culture", "cafés", "espresso"}) {
        Filter accent;
        accent.text = text;
        accent.providers = {"lemonde.fr"};
        INFO(text);
        CHECK(find(fx, query(accent, SortOrder::kRelevance)).size() == 1);
      }
      for (const char* text : {"C++ (test) -x: NOT *", "a OR", "NEAR(", "title:quantum"}) {
        Filter odd;
        odd.text = text;
        INFO(text);
        auto found = fx.reader().find(query(odd, SortOrder::kRelevance, 20));
        CHECK(found.has_value());
      }
      // Nothing but punctuation: a usage error that says why (tests/store/search_language_test).
      for (const char* text : {"\"", "("}) {
        Filter odd;
        odd.text = text;
        INFO(text);
        auto found = fx.reader().find(query(odd, SortOrder::kRelevance, 20));
        REQUIRE_FALSE(found.has_value());
        CHECK(found.error().kind == ErrorKind::kInvalidInput);
      }
      for (const char* word : {"économie", "ECONOMIE"}) {
        Filter topic_word;
        topic_word.text = word;  // in a topic only: topics are indexed too
        topic_word.providers = {"everything.example"};
        CHECK(urls_of(find(fx, query(topic_word, SortOrder::kRelevance))) ==
              std::vector<std::string>{"https://everything.example/article?id=7"});
      }
    }
  }
}

TEST_CASE("search results carry a snippet with the match marked", "[store][reader][search]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& fx = ReaderFixture::get(backend);
      Filter f;
      f.text = "espresso";
      auto found = find(fx, query(f, SortOrder::kRelevance, 5));
      REQUIRE(found.size() == 1);
      REQUIRE(found[0].snippet.has_value());
      CHECK_THAT(*found[0].snippet,
                 Catch::Contains(std::string(1, kMatchStart) + "espresso" + kMatchEnd));
      CHECK_FALSE(find(fx, query(Filter{}, SortOrder::kNewest, 1))[0].snippet.has_value());
    }
  }
}

TEST_CASE("raw full-text syntax works, and its errors are the user's to fix",
          "[store][reader][search]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& fx = ReaderFixture::get(backend);
      Filter f;
      f.text = "quantum NOT milestone";
      f.text_syntax = TextSyntax::kRaw;
      f.providers = {"rank.example"};
      CHECK(urls_of(find(fx, query(f, SortOrder::kRelevance))) ==
            std::vector<std::string>{"https://rank.example/excerpt", "https://rank.example/body"});
      Filter bad;
      bad.text = "quantum AND (";
      bad.text_syntax = TextSyntax::kRaw;
      auto r = fx.reader().find(query(bad, SortOrder::kRelevance));
      REQUIRE_FALSE(r.has_value());
      CHECK(r.error().kind == ErrorKind::kInvalidInput);
      CHECK_THAT(r.error().message, Catch::Contains("FTS5") && Catch::Contains("--raw"));
    }
  }
}

TEST_CASE("relevance without text is refused", "[store][reader]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& fx = ReaderFixture::get(backend);
      auto r = fx.reader().find(query(Filter{}, SortOrder::kRelevance));
      REQUIRE_FALSE(r.has_value());
      CHECK(r.error().kind == ErrorKind::kInvalidInput);
    }
  }
}

TEST_CASE("every stored article reads back exactly as parsed, by id and by URL",
          "[store][reader]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& fx = ReaderFixture::get(backend);
      auto all = find(fx, query(Filter{}));
      REQUIRE(all.size() == fx.articles().size());
      for (const auto& stored : all) {
        const Article& expected = fx.by_url(stored.article.canonical_url);
        INFO(expected.canonical_url);
        CHECK(stored.article == expected);
        auto by_id = fx.reader().get(stored.id);
        REQUIRE(by_id.has_value());
        REQUIRE(by_id->has_value());
        CHECK((*by_id)->article == expected);
      }
    }
  }
}

TEST_CASE("a listing gives every field but images and related, which a whole read gives",
          "[store][reader]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& fx = ReaderFixture::get(backend);
      Query listing = query(Filter{});
      listing.detail = Detail::kListing;
      auto all = find(fx, listing);
      REQUIRE(all.size() == fx.articles().size());
      std::size_t with_lists = 0;
      for (const auto& stored : all) {
        Article expected = fx.by_url(stored.article.canonical_url);
        INFO(expected.canonical_url);
        if (!expected.images.empty() || !expected.related.empty()) ++with_lists;
        // A backend may give them anyway (kListing allows skipping them, it does not require it).
        if (stored.article.images.empty()) expected.images.clear();
        if (stored.article.related.empty()) expected.related.clear();
        CHECK(stored.article == expected);
      }
      CHECK(with_lists > 0);  // the fixtures do have images and related entries
      if (backend == "sqlite") {
        for (const auto& stored : all) {
          CHECK(stored.article.images.empty());
          CHECK(stored.article.related.empty());
        }
      }
    }
  }
}

TEST_CASE("any URL that canonicalises to the article's finds it", "[store][reader]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& fx = ReaderFixture::get(backend);
      auto& reader = fx.reader();
      for (const char* url :
           {"https://www.lemonde.fr/food/cafe-culture-returns",
            "HTTPS://WWW.LEMONDE.FR:443/food/cafe-culture-returns?utm_source=x#frag",
            "https://www.lemonde.fr/food/cafe-culture-returns?fbclid=abc"}) {
        INFO(url);
        auto found = reader.get_by_url(url);
        REQUIRE(found.has_value());
        REQUIRE(found->has_value());
        CHECK((*found)->article.title == "Café culture returns to Paris");
      }
      for (const char* url : {"https://www.lemonde.fr/food/other", "not a url", ""}) {
        auto found = reader.get_by_url(url);
        REQUIRE(found.has_value());
        CHECK_FALSE(found->has_value());
      }
      auto none = reader.get(987654321);
      REQUIRE(none.has_value());
      CHECK_FALSE(none->has_value());
    }
  }
}

TEST_CASE("related entries are marked with their stored ids, citing articles are listed",
          "[store][reader]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& fx = ReaderFixture::get(backend);
      auto& reader = fx.reader();
      auto id_of = [&](const char* url) {
        auto found = reader.get_by_url(url);
        REQUIRE(found.has_value());
        REQUIRE(found->has_value());
        return (*found)->id;
      };
      auto roundup = id_of("https://roundup.example/2024/03/06");
      auto cafe = id_of("https://www.lemonde.fr/food/cafe-culture-returns");
      auto bobby = id_of("https://radar.example/bobby-tables");
      auto coverage = reader.related(roundup);
      REQUIRE(coverage.has_value());
      REQUIRE(coverage->entries.size() == 3);
      CHECK(coverage->entries[0].stored_id == cafe);
      CHECK(coverage->entries[0].article.title == "Café culture returns to Paris");
      CHECK_FALSE(coverage->entries[1].stored_id.has_value());
      CHECK(coverage->entries[2].stored_id == bobby);  // by originalUrl, not webUrl

      auto cited = reader.related(cafe);
      REQUIRE(cited.has_value());
      CHECK(cited->entries.empty());
      REQUIRE(cited->cited_by.size() == 1);
      CHECK(cited->cited_by[0].id == roundup);
      CHECK(cited->cited_by[0].title == "Coverage roundup: cafés and tables");

      auto none = reader.related(987654321);
      REQUIRE(none.has_value());
      CHECK(none->entries.empty());
    }
  }
}

TEST_CASE("facet counts match the fixtures, largest first, under filters",
          "[store][reader][facets]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& fx = ReaderFixture::get(backend);
      auto& reader = fx.reader();
      // Topic counts by folded name: an article counts once per topic.
      std::map<std::string, std::int64_t> topics;
      for (const auto& a : fx.articles()) {
        std::set<std::string> seen;
        for (const auto& t : a.topics) {
          if (seen.insert(lower(t)).second) ++topics[lower(t)];
        }
      }
      auto counted = reader.facet(Facet::kTopic, Filter{}, 0);
      REQUIRE(counted.has_value());
      REQUIRE(counted->size() == topics.size());
      for (std::size_t i = 0; i < counted->size(); ++i) {
        const auto& c = (*counted)[i];
        INFO(c.name);
        CHECK(c.count == topics[lower(c.name)]);
        if (i > 0) CHECK((*counted)[i - 1].count >= c.count);
      }
      auto top3 = reader.facet(Facet::kTopic, Filter{}, 3);
      REQUIRE(top3.has_value());
      CHECK(top3->size() == 3);
      CHECK(top3->front().count == counted->front().count);

      Filter ties;
      ties.providers = {"tie.example"};
      auto under = reader.facet(Facet::kTopic, ties, 0);
      REQUIRE(under.has_value());
      REQUIRE(under->size() == 1);
      CHECK(under->front().name == "Ties");
      CHECK(under->front().count == 4);

      std::map<std::pair<std::string, std::string>, std::int64_t> providers;
      for (const auto& a : fx.articles()) {
        if (a.provider) ++providers[{a.provider->name, a.provider->domain}];
      }
      auto by_provider = reader.facet(Facet::kProvider, Filter{}, 0);
      REQUIRE(by_provider.has_value());
      CHECK(by_provider->size() == providers.size());
      for (const auto& c : *by_provider) CHECK(c.count == providers[{c.name, c.domain}]);

      Filter physics;
      physics.topics = {"physics"};
      physics.providers = {"rank.example", "drafts.example"};
      auto categories = reader.facet(Facet::kCategory, physics, 0);
      REQUIRE(categories.has_value());
      REQUIRE(categories->size() == 1);  // the draft; the rank fixtures have no category
      CHECK(categories->front().count == 1);

      std::int64_t news = 0;
      for (const auto& a : fx.articles()) news += a.category && lower(*a.category) == "news";
      auto all_categories = reader.facet(Facet::kCategory, Filter{}, 0);
      REQUIRE(all_categories.has_value());
      auto it = std::find_if(all_categories->begin(), all_categories->end(),
                             [](const FacetCount& c) { return lower(c.name) == "news"; });
      REQUIRE(it != all_categories->end());
      CHECK(it->count == news);

      Filter text;
      text.text = "quantum";
      text.providers = {"rank.example", "Drafts"};
      auto by_text = reader.facet(Facet::kProvider, text, 0);
      REQUIRE(by_text.has_value());
      REQUIRE(by_text->size() == 2);
      CHECK(by_text->at(0).name == "Rank Report");
      CHECK(by_text->at(0).count == 3);
    }
  }
}

TEST_CASE("stats add up to the fixtures", "[store][reader]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& fx = ReaderFixture::get(backend);
      auto stats = fx.reader().stats(5);
      REQUIRE(stats.has_value());
      std::int64_t images = 0, related = 0, undated = 0;
      std::optional<Timestamp> first, last;
      for (const auto& a : fx.articles()) {
        images += static_cast<std::int64_t>(a.images.size());
        related += static_cast<std::int64_t>(a.related.size());
        if (!a.published_date_time) {
          ++undated;
          continue;
        }
        if (!first || *a.published_date_time < *first) first = a.published_date_time;
        if (!last || *a.published_date_time > *last) last = a.published_date_time;
      }
      CHECK(stats->articles == static_cast<std::int64_t>(fx.articles().size()));
      CHECK(stats->images == images);
      CHECK(stats->related_entries == related);
      CHECK(stats->undated == undated);
      CHECK(stats->first_published == first);
      CHECK(stats->last_published == last);
      std::int64_t monthly = 0;
      for (const auto& m : stats->per_month) monthly += m.count;
      CHECK(monthly == stats->articles - undated);
      REQUIRE(!stats->per_month.empty());
      for (std::size_t i = 1; i < stats->per_month.size(); ++i) {
        const auto& p = stats->per_month[i - 1];
        const auto& m = stats->per_month[i];
        CHECK(m.year * 12 + int(m.month) == p.year * 12 + int(p.month) + 1);  // no month skipped
      }
      CHECK(stats->top_topics.size() == std::min<std::size_t>(5, stats->topics));
      CHECK(stats->top_providers.size() == std::min<std::size_t>(5, stats->providers));
    }
  }
}
