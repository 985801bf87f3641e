#include <catch2/catch.hpp>
#include <newsdb/article_json.hpp>

using namespace newsdb;
using namespace std::chrono;

namespace {

Article sample_article() {
  Article a;
  a.title = "Thousands of RTX 4090 GPUs";
  a.excerpt = "In China...";
  a.published_date_time = sys_days{year{2023} / 11 / 24} + hours{5} + minutes{12};
  a.original_url = "https://beebom.com/rtx/";
  a.web_url = "https://beebom.com/rtx/";
  a.category = "news";
  a.type = "article";
  a.quality = 74;
  a.heat = -3;
  a.published = true;
  a.provider = Provider{"Beebom", "beebom.com", Json::object()};
  a.provider->extra["images"] = Json::array({"https://beebom.com/logo.png"});
  a.topics = {"AI Hardware", "AI"};
  Image image;
  image.url = "https://beebom.com/a.jpg";
  image.width = 1250;
  image.height = 750;
  image.is_cached = true;
  image.extra["title"] = "A GPU";
  a.images.push_back(image);
  RelatedArticle r;
  r.title = "China Circumvents GPU Ban";
  r.web_url = "https://hothardware.com/news/x";
  r.provider = Provider{"HotHardware", "hothardware.com", Json::object()};
  r.extra["tags"] = Json::array({"gpu"});
  a.related.push_back(r);
  a.secured = "abc==;def==";
  a.body = "Hello\n";
  a.extra["locale"] = "en-US";
  a.extra["updatedDateTime"] = "2023-11-25T00:00:00Z";
  return a;
}

// The expected JSON, written by hand in the format's field order.
constexpr const char* kSampleJson =
    R"({"title":"Thousands of RTX 4090 GPUs","excerpt":"In China...",)"
    R"("publishedDateTime":"2023-11-24T05:12:00Z","originalUrl":"https://beebom.com/rtx/",)"
    R"("webUrl":"https://beebom.com/rtx/","category":"news","type":"article","quality":74,)"
    R"("heat":-3,"published":true,"provider":{"name":"Beebom","domain":"beebom.com",)"
    R"("images":["https://beebom.com/logo.png"]},"topics":["AI Hardware","AI"],)"
    R"("images":[{"url":"https://beebom.com/a.jpg","width":1250,"height":750,"isCached":true,)"
    R"("title":"A GPU"}],"related":[{"title":"China Circumvents GPU Ban",)"
    R"("webUrl":"https://hothardware.com/news/x","provider":{"name":"HotHardware",)"
    R"("domain":"hothardware.com"},"tags":["gpu"]}],"secured":"abc==;def==","body":"Hello\n",)"
    R"("locale":"en-US","updatedDateTime":"2023-11-25T00:00:00Z"})";

std::vector<Diagnostic> problems_of(const char* json_text) {
  std::vector<Diagnostic> diagnostics;
  auto article = article_from_json(Json::parse(json_text), diagnostics);
  CHECK_FALSE(article);
  return diagnostics;
}

}  // namespace

TEST_CASE("to_json writes the format's field names in the format's order", "[article_json]") {
  CHECK(to_json(sample_article()).dump() == kSampleJson);
}

TEST_CASE("to_json leaves out absent optionals and empty lists", "[article_json]") {
  Article a;
  a.title = "T";
  a.web_url = "https://x.org/";
  CHECK(to_json(a).dump() == R"({"title":"T","webUrl":"https://x.org/"})");
}

TEST_CASE("article_from_json reads back what to_json wrote", "[article_json]") {
  Article original = sample_article();
  auto back = article_from_json(Json::parse(kSampleJson));
  REQUIRE(back.has_value());
  CHECK(back->canonical_url == "https://beebom.com/rtx/");
  original.canonical_url = "https://beebom.com/rtx/";
  CHECK(*back == original);
}

TEST_CASE("article_from_json sets the canonical URL from originalUrl, else webUrl",
          "[article_json]") {
  auto a = article_from_json(
      Json::parse(R"({"title":"T","webUrl":"HTTPS://X.org:443/a?utm_source=1&k=2#f"})"));
  REQUIRE(a);
  CHECK(a->canonical_url == "https://x.org/a?k=2");
  auto b = article_from_json(
      Json::parse(R"({"title":"T","webUrl":"https://x.org/w","originalUrl":"https://y.org/o"})"));
  REQUIRE(b);
  CHECK(b->canonical_url == "https://y.org/o");
}

TEST_CASE("article_from_json ignores the id that newsdb's own output adds", "[article_json]") {
  auto a = article_from_json(Json::parse(R"({"id":42,"title":"T","webUrl":"https://x.org/"})"));
  REQUIRE(a);
  CHECK(a->extra.empty());
}

TEST_CASE("article_from_json ignores the storyId that newsdb's own output adds", "[article_json]") {
  auto a = article_from_json(
      Json::parse(R"({"id":42,"storyId":7,"title":"T","webUrl":"https://x.org/"})"));
  REQUIRE(a);
  CHECK(a->extra.empty());
}

TEST_CASE("article_from_json normalises dates to UTC", "[article_json]") {
  auto a = article_from_json(Json::parse(
      R"({"title":"T","webUrl":"https://x.org/","publishedDateTime":"2023-11-24T10:42:00+05:30"})"));
  REQUIRE(a);
  CHECK(a->published_date_time == sys_days{year{2023} / 11 / 24} + hours{5} + minutes{12});
}

TEST_CASE("article_from_json takes a single string as one topic", "[article_json]") {
  auto a =
      article_from_json(Json::parse(R"({"title":"T","webUrl":"https://x.org/","topics":"AI"})"));
  REQUIRE(a);
  CHECK(a->topics == std::vector<std::string>{"AI"});
}

TEST_CASE("article_from_json requires a title and a URL", "[article_json]") {
  auto d = problems_of(R"({"webUrl":"https://x.org/"})");
  REQUIRE(d.size() == 1);
  CHECK(d[0].field == "title");
  CHECK(d[0].message == "missing required field `title`");

  d = problems_of(R"({"title":"T"})");
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "missing URL: `originalUrl` or `webUrl` is required");

  d = problems_of(R"({"title":"","webUrl":"https://x.org/"})");
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "`title` is empty");
}

TEST_CASE("article_from_json names the field path of a nested problem", "[article_json]") {
  auto d = problems_of(R"({"title":"T","webUrl":"https://x.org/","related":[
      {"title":"R0","webUrl":"https://r.org/0"},
      {"title":"R1","webUrl":"https://r.org/1","provider":{"name":"P","domain":7}}]})");
  REQUIRE(d.size() == 1);
  CHECK(d[0].field == "related[1].provider.domain");
  CHECK(d[0].message == "`related[1].provider.domain` must be text, got 7");
}

TEST_CASE("article_from_json checks every typed field", "[article_json]") {
  auto d = problems_of(R"({"title":"T","webUrl":"https://x.org/","quality":"high","heat":1.5,
      "published":"yes","topics":[1],"provider":"Beebom","images":[{"url":"u","width":-1}],
      "publishedDateTime":"soon"})");
  std::vector<std::string> fields;
  for (const auto& x : d) fields.push_back(x.field);
  CHECK(fields == std::vector<std::string>{"quality", "heat", "published", "topics[0]", "provider",
                                           "images[0].width", "publishedDateTime"});
  CHECK(d[0].message == "`quality` must be an integer, got \"high\"");
  CHECK(d[1].message == "`heat` must be an integer, got 1.5");
  CHECK(d[2].message == "`published` must be true or false, got \"yes\"");
  CHECK(d[4].message == "`provider` must be a mapping with `name` and `domain`, got \"Beebom\"");
  CHECK(d[5].message == "`images[0].width` must be a non-negative integer, got -1");
}

TEST_CASE("article_from_json rejects integers beyond 64 bits", "[article_json]") {
  auto d = problems_of(R"({"title":"T","webUrl":"https://x.org/","heat":18446744073709551615})");
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "`heat` is out of range for a 64-bit integer: 18446744073709551615");
  // Beyond 64 bits unsigned, or below INT64_MIN, the JSON parser holds the integer as a double:
  // still out of range, not "must be an integer".
  d = problems_of(R"({"title":"T","webUrl":"https://x.org/","heat":123456789012345678901234})");
  REQUIRE(d.size() == 1);
  CHECK_THAT(d[0].message,
             Catch::StartsWith("`heat` is out of range for a 64-bit integer: 1.23456789012345"));
  d = problems_of(R"({"title":"T","webUrl":"https://x.org/","quality":-9223372036854775809})");
  REQUIRE(d.size() == 1);
  CHECK_THAT(d[0].message, Catch::StartsWith("`quality` is out of range for a 64-bit integer"));
  // A fraction is still no integer.
  d = problems_of(R"({"title":"T","webUrl":"https://x.org/","quality":1.5e30})");
  CHECK_THAT(d[0].message, Catch::StartsWith("`quality` is out of range"));
  d = problems_of(R"({"title":"T","webUrl":"https://x.org/","quality":2.5})");
  CHECK(d[0].message == "`quality` must be an integer, got 2.5");
}

TEST_CASE("article_from_json accepts 64-bit integers of either sign", "[article_json]") {
  auto a = article_from_json(Json::parse(
      R"({"title":"T","webUrl":"https://x.org/","quality":-9223372036854775808,"heat":9223372036854775807})"));
  REQUIRE(a);
  CHECK(a->quality == INT64_MIN);
  CHECK(a->heat == INT64_MAX);
}

TEST_CASE("article_from_json rejects a URL that is not absolute", "[article_json]") {
  auto d = problems_of(R"({"title":"T","originalUrl":"/news/x","webUrl":"https://x.org/"})");
  REQUIRE(d.size() == 1);
  CHECK(d[0].field == "originalUrl");
  CHECK(d[0].message ==
        "`originalUrl` is not an absolute http(s) URL: \"/news/x\" (write http:// or https://, a "
        "host, and a port from 1 to 65535 if any)");
}

TEST_CASE("article_from_json requires a title and URL of each related entry", "[article_json]") {
  auto d = problems_of(R"({"title":"T","webUrl":"https://x.org/","related":[{"title":"R"}]})");
  REQUIRE(d.size() == 1);
  CHECK(d[0].field == "related[0].originalUrl");
  CHECK(d[0].message == "missing URL: `related[0].originalUrl` or `related[0].webUrl` is required");
}

TEST_CASE("article_from_json keeps unknown fields at every level, in order", "[article_json]") {
  auto a = article_from_json(Json::parse(R"({"zeta":1,"title":"T","alpha":{"b":[true,null]},
      "webUrl":"https://x.org/","images":[{"url":"u","title":"cap"}],
      "related":[{"title":"R","webUrl":"https://r.org/","related":[],"body":"b"}]})"));
  REQUIRE(a);
  CHECK(a->extra.dump() == R"({"zeta":1,"alpha":{"b":[true,null]}})");
  CHECK(a->images[0].extra.dump() == R"({"title":"cap"})");
  // In a related entry, `related` and `body` are not known fields: they are kept.
  CHECK(a->related[0].extra.dump() == R"({"related":[],"body":"b"})");
}

TEST_CASE("article_from_json stops at the nesting limit", "[article_json]") {
  Json deep = Json::array();
  for (int i = 0; i < 100; ++i) deep = Json::array({deep});
  Json record = {{"title", "T"}, {"webUrl", "https://x.org/"}, {"x", deep}};
  std::vector<Diagnostic> d;
  CHECK_FALSE(article_from_json(record, d, ParseLimits{.max_depth = 10}));
  REQUIRE(d.size() == 1);
  // Depth 10 is the record, `x` and eight arrays inside it: the container at that path is the
  // one whose content goes too deep.
  CHECK(d[0].field == "x[0][0][0][0][0][0][0][0]");
  CHECK(d[0].message == "`x[0][0][0][0][0][0][0][0]` nests deeper than the limit of 10 levels");
}

TEST_CASE("article_from_json rejects a record that is not an object", "[article_json]") {
  auto d = problems_of(R"(["title"])");
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "an article must be a mapping of fields, got a list");
}

TEST_CASE("article_from_json's Result form gives the first problem with its field",
          "[article_json]") {
  auto r =
      article_from_json(Json::parse(R"({"title":"T","webUrl":"https://x.org/","quality":true})"));
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == ErrorKind::kInvalidInput);
  CHECK(r.error().message == "quality: `quality` must be an integer, got true");
}

TEST_CASE("related_article_from_json reads one related entry", "[article_json]") {
  auto r = related_article_from_json(
      Json::parse(R"({"title":"R","webUrl":"https://r.org/","quality":5,"related":[1]})"));
  REQUIRE(r);
  CHECK(r->title == "R");
  CHECK(r->quality == 5);
  CHECK(r->extra.dump() == R"({"related":[1]})");
}
