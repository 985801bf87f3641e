// Fields where real feeds put them (tests/data/feeds/fields): excerpts from every element that
// can hold one, titles from Dublin Core and Media RSS, Atom links written as text, base64
// content, categories from iTunes and Media RSS, RSS in a default namespace, RSS 0.90. The
// expected values are written here, from the fixtures, item by item.
#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <newsdb/feed.hpp>
#include <string>
#include <vector>

#include "support/fixtures.hpp"

using namespace newsdb;

namespace {

ParsedFeed parse(const std::string& fixture) {
  FeedContext ctx;
  ctx.url = "http://fields.example/" + fixture;
  ctx.fetched_at = Timestamp{std::chrono::sys_days{std::chrono::year{2023} / 12 / 10}};
  auto r = parse_feed(test::read_fixture("feeds/fields/" + fixture), ctx);
  if (!r) FAIL("parse_feed failed: " << r.error().message);
  return *r;
}

const Article* by_url(const ParsedFeed& feed, const std::string& url) {
  for (const auto& a : feed.articles) {
    if (a.web_url == url) return &a;
  }
  return nullptr;
}

// How many of `expected` (link -> value) the feed has, read by `field`.
template <typename Field>
std::size_t matching(const ParsedFeed& feed, const std::map<std::string, std::string>& expected,
                     Field field) {
  std::size_t found = 0;
  for (const auto& [url, value] : expected) {
    INFO("item " << url);
    const Article* a = by_url(feed, url);
    CHECK(a != nullptr);
    if (!a) continue;
    std::string got = field(*a);
    CHECK(got == value);
    if (got == value) ++found;
  }
  return found;
}

std::string excerpt_of(const Article& a) { return a.excerpt.value_or(""); }

}  // namespace

TEST_CASE("RSS excerpts: the first of description, content, xhtml:body, dc, media, itunes",
          "[net][feed][fields]") {
  auto feed = parse("excerpt-rss.xml");
  const std::string u = "http://fields.example/";
  std::map<std::string, std::string> expected{
      {u + "e1", "From description"},
      {u + "e2", "From content:encoded"},
      {u + "e3", "From xhtml:body"},
      {u + "e4", "From dc:description"},
      {u + "e5", "From media:description"},
      {u + "e6", "From media:group description"},
      {u + "e7", "From itunes:summary"},
      {u + "e8", "First: description"},
      {u + "e9", "First: dc:description"},
      {u + "e10", "First: content:encoded"},
  };
  CHECK(feed.articles.size() == 10);
  CHECK(matching(feed, expected, excerpt_of) == 10);
  // xhtml:body is content: the body as well as the excerpt.
  const Article* e3 = by_url(feed, u + "e3");
  REQUIRE(e3);
  CHECK(e3->body == "From xhtml:body");
}

TEST_CASE("Atom excerpts: summary, content, then dc, media and itunes descriptions",
          "[net][feed][fields]") {
  auto feed = parse("excerpt-atom.xml");
  const std::string u = "http://fields.example/";
  std::map<std::string, std::string> expected{
      {u + "a1", "From summary"},
      {u + "a2", "From content"},
      {u + "a3", "From dc:description in Atom"},
      {u + "a4", "From media:description in Atom"},
      {u + "a5", "From itunes:summary in Atom"},
  };
  CHECK(feed.articles.size() == 5);
  CHECK(matching(feed, expected, excerpt_of) == 5);
}

TEST_CASE("titles from dc:title and media:title when the item has no title of its own",
          "[net][feed][fields]") {
  auto feed = parse("title-rss.xml");
  const std::string u = "http://fields.example/";
  std::map<std::string, std::string> expected{
      {u + "t1", "Title from dc:title"},
      {u + "t2", "Title from media:title"},
      {u + "t3", "Title from media:group"},
      {u + "t4", "Own title"},
      {u + "t5", "Bold media title"},
  };
  CHECK(feed.articles.size() == 5);
  CHECK(matching(feed, expected, [](const Article& a) { return a.title; }) == 5);
  // The description stays the excerpt; it is not taken for the title.
  const Article* t1 = by_url(feed, u + "t1");
  REQUIRE(t1);
  CHECK(t1->excerpt == "Some words that are not the title");
}

TEST_CASE("an Atom link whose URL is its text, not an href", "[net][feed][fields]") {
  auto feed = parse("atom-link-text.xml");
  std::size_t found = 0;
  for (const char* name : {"l1", "l2", "l3", "l4", "l5"}) {
    std::string url = std::string("http://fields.example/") + name;
    INFO("entry " << name);
    const Article* a = by_url(feed, url);
    CHECK(a != nullptr);
    if (!a) continue;
    CHECK(a->title == name);
    ++found;
  }
  CHECK(found == 5);
  CHECK(feed.articles.size() == 5);
}

TEST_CASE("mode=base64 content is decoded, then read as its type says", "[net][feed][fields]") {
  auto feed = parse("base64-atom03.xml");
  REQUIRE(feed.articles.size() == 4);
  const std::string u = "http://fields.example/";
  const Article* b1 = by_url(feed, u + "b1");
  const Article* b2 = by_url(feed, u + "b2");
  const Article* b3 = by_url(feed, u + "b3");
  const Article* b4 = by_url(feed, u + "b4");
  REQUIRE(b1);
  REQUIRE(b2);
  REQUIRE(b3);
  REQUIRE(b4);
  CHECK(b1->body == "Decoded HTML content");
  CHECK(b1->excerpt == "Decoded HTML content");
  // text/plain: the decoded text is text, its < and & are not markup.
  CHECK(b2->excerpt == "Decoded plain summary & <more>");
  CHECK(b3->title == "Decoded title");
  std::string line = "A longer decoded text, wrapped as MIME does at 76 characters a line,";
  CHECK(b4->excerpt == line + " " + line + " " + line);
}

TEST_CASE("categories from itunes:category (nested too) and media:category",
          "[net][feed][fields]") {
  auto feed = parse("categories-rss.xml");
  const std::string u = "http://fields.example/";
  std::map<std::string, std::vector<std::string>> expected{
      {u + "c1", {"Technology"}},
      {u + "c2", {"Technology", "Gadgets"}},
      {u + "c3", {"Science"}},
      {u + "c4", {"News", "World", "Politics"}},
      {u + "c5", {"Music & Arts"}},
  };
  REQUIRE(feed.articles.size() == 5);
  std::size_t found = 0;
  for (const auto& [url, topics] : expected) {
    INFO("item " << url);
    const Article* a = by_url(feed, url);
    REQUIRE(a);
    CHECK(a->topics == topics);
    if (a->topics == topics) ++found;
  }
  CHECK(found == 5);
}

TEST_CASE("RSS in UserLand's default namespaces reads like RSS without one",
          "[net][feed][fields]") {
  auto feed = parse("rss-userland.xml");
  CHECK(feed.format == FeedFormat::kRss);
  CHECK(feed.title == "UserLand namespace");
  REQUIRE(feed.articles.size() == 3);
  CHECK(feed.articles[0].title == "u1");
  CHECK(feed.articles[0].web_url == "http://fields.example/u1");
  CHECK(feed.articles[0].excerpt == "First namespaced item");
  CHECK(feed.articles[0].topics == std::vector<std::string>{"Namespaced"});
  CHECK(feed.articles[0].extra.value(kDateSourceField, "") == "");
  CHECK(feed.articles[1].excerpt == "Second namespaced item");
  CHECK(feed.articles[2].web_url == "http://fields.example/u3");

  auto old = parse("rss091-userland.xml");
  REQUIRE(old.articles.size() == 2);
  CHECK(old.articles[0].title == "v1");
  CHECK(old.articles[0].excerpt == "An RSS 0.91 item");
  CHECK(old.articles[1].web_url == "http://fields.example/v2");
}

TEST_CASE("RSS 0.90 items, in RDF and without it", "[net][feed][fields]") {
  auto rdf = parse("rss090-rdf.xml");
  CHECK(rdf.title == "RSS 0.90 in RDF");
  REQUIRE(rdf.articles.size() == 3);
  CHECK(rdf.articles[0].title == "r1");
  CHECK(rdf.articles[2].web_url == "http://fields.example/r3");
  // The image and the text input are not items.
  CHECK(rdf.diagnostics.empty());

  auto plain = parse("rss090-plain.xml");
  CHECK(plain.title == "RSS 0.90 without RDF");
  REQUIRE(plain.articles.size() == 2);
  CHECK(plain.articles[0].title == "p1");
  CHECK(plain.articles[1].web_url == "http://fields.example/p2");
}

TEST_CASE("items in a namespace RSS does not use are skipped with a warning",
          "[net][feed][fields]") {
  FeedContext ctx;
  ctx.url = "http://fields.example/odd.xml";
  ctx.fetched_at = Timestamp{std::chrono::sys_days{std::chrono::year{2023} / 12 / 10}};
  auto r = parse_feed(
      "<rss xmlns:x=\"http://other.example/ns\"><channel><title>t</title>"
      "<x:item><title>a</title><link>http://fields.example/x</link></x:item></channel></rss>",
      ctx);
  REQUIRE(r);
  CHECK(r->articles.empty());
  REQUIRE(r->diagnostics.size() == 1);
  CHECK(r->diagnostics[0].severity == Severity::kWarning);
  CHECK(r->diagnostics[0].message.find("http://other.example/ns") != std::string::npos);
}
