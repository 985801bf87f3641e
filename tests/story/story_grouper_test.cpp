#include "story/story_grouper.hpp"

#include <catch2/catch.hpp>

#include "story/memory_index.hpp"
#include "story/outlet_url.hpp"
#include "story/story_text.hpp"

using namespace newsdb;
using namespace newsdb::story;
using namespace std::chrono;

namespace {

ArticleFields article(std::string title, std::string url, std::optional<std::string> excerpt = {},
                      int day = 1) {
  ArticleFields a;
  a.title = std::move(title);
  a.web_url = std::move(url);
  a.excerpt = std::move(excerpt);
  a.published_date_time = sys_days{year{2020} / 5 / day} + hours{12};
  return a;
}

}  // namespace

TEST_CASE("outlet_url_key reads one report on all of its outlet's hosts", "[story]") {
  auto key = outlet_url_key("https://www.bbc.com/news/world-52345678");
  REQUIRE(key);
  CHECK(*key == "bbc/news/world-52345678");
  CHECK(outlet_url_key("https://www.bbc.co.uk/news/world-52345678") == key);
  CHECK(outlet_url_key("https://amp.bbc.co.uk/news/world-52345678.amp") == key);
  CHECK(outlet_url_key("https://www-bbc-com.cdn.ampproject.org/c/s/www.bbc.com/news/"
                       "world-52345678") == key);
  CHECK(outlet_url_key("https://www.bbc.com/") == std::nullopt);
  CHECK(outlet_url_key("https://www.cnn.com/news/world-52345678") != key);
}

TEST_CASE("headline_key sets aside case, punctuation and the outlet's suffix", "[story]") {
  CHECK(headline_key("Coronavirus: Italy's deaths fall again - BBC News") ==
        "coronavirus italys deaths fall again");
  CHECK(
      headline_key("Coronavirus: Italy\xE2\x80\x99s deaths fall again | Raleigh News & Observer") ==
      "coronavirus italys deaths fall again");
  // A dash inside a headline with little before it is part of the headline.
  CHECK(headline_key("Biden - the long road") == "biden the long road");
}

TEST_CASE("the same report on two hosts of one outlet is one story", "[story]") {
  std::vector<ArticleFields> in = {
      article("Coronavirus: Italy deaths fall", "https://www.bbc.com/news/world-52345678"),
      article("Italy: deaths fall again", "https://www.bbc.co.uk/news/world-52345678")};
  CHECK(group_articles(in) == std::vector<std::int64_t>{1, 1});
}

TEST_CASE("syndicated copies with one headline are one story, days apart are not", "[story]") {
  std::string excerpt = "The state reported 1,200 new cases on Monday as testing expanded.";
  std::vector<ArticleFields> in = {
      article("North Carolina reports record number of new virus cases | Raleigh News & Observer",
              "https://www.newsobserver.com/news/a1.html", excerpt, 1),
      article("North Carolina reports record number of new virus cases",
              "https://www.charlotteobserver.com/news/b2.html", excerpt, 2),
      article("North Carolina reports record number of new virus cases",
              "https://www.heraldsun.com/news/c3.html", excerpt, 20)};
  CHECK(group_articles(in) == std::vector<std::int64_t>{1, 1, 2});
}

TEST_CASE("a stock headline over different excerpts is not one story", "[story]") {
  std::vector<ArticleFields> in = {
      article("The latest developments on COVID-19 in Canada today", "https://a.ca/x1",
              "Ontario opens schools while Quebec delays reopening plans.", 1),
      article("The latest developments on COVID-19 in Canada today", "https://b.ca/y2",
              "Federal wage subsidy extended through December, minister announces.", 1)};
  CHECK(group_articles(in) == std::vector<std::int64_t>{1, 2});
}

TEST_CASE("similar content about one event joins, the same topic's other event does not",
          "[story]") {
  std::vector<ArticleFields> in = {
      article("Microsoft agrees to buy Nuance Communications for $16 billion", "https://a.com/1",
              "Microsoft said it would acquire Nuance Communications, the speech recognition "
              "company, in an all-cash deal valued at $16 billion.",
              1),
      article("Microsoft to acquire Nuance in $16 billion deal", "https://b.com/2",
              "Microsoft will acquire speech recognition company Nuance Communications in an "
              "all-cash deal worth $16 billion.",
              1),
      article("Microsoft Azure partners with Accenture on cloud migration", "https://c.com/3",
              "Microsoft and Accenture announced a cloud migration partnership for Azure "
              "customers.",
              1)};
  CHECK(group_articles(in) == std::vector<std::int64_t>{1, 1, 2});
}

TEST_CASE("index_keys are bounded and shared by near copies", "[story]") {
  auto a = story_doc(article("One two three four five six", "https://a.com/x",
                             "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu"));
  auto b = story_doc(article("One two three four five six", "https://b.com/y",
                             "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu"));
  auto ka = index_keys(a);
  auto kb = index_keys(b);
  CHECK(ka.size() <= kMaxIndexKeys);
  std::vector<std::uint64_t> common;
  std::set_intersection(ka.begin(), ka.end(), kb.begin(), kb.end(), std::back_inserter(common));
  CHECK(common.size() >= 5);  // the headline and every band
}
