#include <catch2/catch.hpp>
#include <newsdb/article_json.hpp>

#include "store/sqlite/related_doc.hpp"
#include "store/writer_fixtures.hpp"

using namespace newsdb;

TEST_CASE("a related entry's JSON has the format's names and order, absent fields left out",
          "[store][sqlite]") {
  RelatedArticle r;
  r.title = "Quote \" backslash \\ tab \t newline \n bell \x07 é 東";
  r.excerpt = "";
  r.published_date_time = test::at(0);
  r.web_url = "https://e.com/x";
  r.category = "news";
  r.quality = -3;
  r.heat = 0;
  r.published = false;
  r.provider = Provider{"", "e.com", Json::parse(R"({"logo":{"w":1}})")};
  r.topics = {"A", "B"};
  r.images = {Image{"https://i/1", 1, std::nullopt, false, Json::object()},
              Image{"https://i/2", std::nullopt, std::nullopt, std::nullopt,
                    Json::parse(R"({"title":"t"})")}};
  r.secured = "s==;iv==";
  r.extra = Json::parse(R"({"zeta":[1,2],"alpha":null})");
  std::string out = "old content";
  sqlite::write_related_doc(r, out);
  CHECK(out ==
        R"({"title":"Quote \" backslash \\ tab \t newline \n bell \u0007 é 東","excerpt":"",)"
        R"("publishedDateTime":"1970-01-01T00:00:00Z","webUrl":"https://e.com/x",)"
        R"("category":"news","quality":-3,"heat":0,"published":false,)"
        R"("provider":{"domain":"e.com","logo":{"w":1}},"topics":["A","B"],)"
        R"("images":[{"url":"https://i/1","width":1,"isCached":false},)"
        R"({"url":"https://i/2","title":"t"}],"secured":"s==;iv==","zeta":[1,2],"alpha":null})");
  // The reader's decoder gives back the very entry.
  auto back = related_article_from_json(Json::parse(out));
  REQUIRE(back.has_value());
  CHECK(*back == r);
}

TEST_CASE("a minimal related entry is its title only", "[store][sqlite]") {
  RelatedArticle r;
  r.title = "T";
  std::string out;
  sqlite::write_related_doc(r, out);
  CHECK(out == R"({"title":"T"})");
}
