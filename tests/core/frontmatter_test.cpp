// Reading frontmatter files: splitting, the YAML side of every typed-record rule, unknown fields.
#include <catch2/catch.hpp>
#include <newsdb/article_json.hpp>
#include <newsdb/document.hpp>

using namespace newsdb;
using namespace std::chrono;

namespace {

const std::string kHead = "---\ntitle: T\nwebUrl: https://x.org/a\n";

Article parse_ok(const std::string& text) {
  ParsedInput parsed = parse_input(text, "a.md", InputFormat::kFrontmatter);
  for (const auto& d : parsed.diagnostics) UNSCOPED_INFO(format_diagnostic(d));
  REQUIRE(parsed.status == InputStatus::kArticles);
  REQUIRE(parsed.articles.size() == 1);
  return parsed.articles[0];
}

Diagnostic parse_error(const std::string& text) {
  ParsedInput parsed = parse_input(text, "a.md", InputFormat::kFrontmatter);
  REQUIRE(parsed.status == InputStatus::kFailed);
  REQUIRE(parsed.diagnostics.size() == 1);
  return parsed.diagnostics[0];
}

}  // namespace

TEST_CASE("frontmatter closes with --- or ...", "[frontmatter]") {
  CHECK(parse_ok("---\ntitle: A\nwebUrl: https://x.org/\n---\n").title == "A");
  CHECK(parse_ok("---\ntitle: A\nwebUrl: https://x.org/\n...\n").title == "A");
  CHECK(parse_ok("---  \ntitle: A\nwebUrl: https://x.org/\n---\t\n").title == "A");
}

TEST_CASE("the body is what follows the closing fence, --- lines included", "[frontmatter]") {
  Article a = parse_ok(kHead + "---\n\n\nFirst paragraph.\n\n---\n\nAfter a thematic break.\n");
  CHECK(a.body == "First paragraph.\n\n---\n\nAfter a thematic break.\n");
}

TEST_CASE("a file with no body, or only blank lines after the fence, has no body",
          "[frontmatter]") {
  CHECK_FALSE(parse_ok(kHead + "---\n").body);
  CHECK_FALSE(parse_ok(kHead + "---").body);
  CHECK_FALSE(parse_ok(kHead + "---\n\n  \n\t\n").body);
}

TEST_CASE("a UTF-8 BOM and CRLF line endings are accepted", "[frontmatter]") {
  Article a = parse_ok(
      "\xEF\xBB\xBF---\r\ntitle: Caf\xC3\xA9\r\nwebUrl: https://x.org/\r\n"
      "quality: 5\r\n---\r\nBody\r\n");
  CHECK(a.title == "Caf\xC3\xA9");
  CHECK(a.quality == 5);
  CHECK(a.body == "Body\r\n");
}

TEST_CASE("diagnostics count the opening fence as line 1, also with CRLF and a BOM",
          "[frontmatter]") {
  Diagnostic d =
      parse_error("\xEF\xBB\xBF---\r\ntitle: T\r\nwebUrl: https://x.org/\r\nheat: hot\r\n---\r\n");
  CHECK(d.line == 4);
  CHECK(d.column == 7);
  CHECK(d.field == "heat");
}

TEST_CASE("a first line other than --- means not an article", "[frontmatter]") {
  for (const char* text : {"", "title: T\n", "----\ntitle: T\n---\n",
                           "# Heading\n---\ntitle: T\n---\n", " ---\ntitle: T\n---\n"}) {
    CHECK(parse_input(text, "a.md", InputFormat::kFrontmatter).status ==
          InputStatus::kNotAnArticle);
  }
}

TEST_CASE("the YAML side of the typed-record rules", "[frontmatter]") {
  Article a = parse_ok(
      "---\n"
      "title: 1984\n"  // text fields take any scalar's text
      "excerpt: ''\n"  // empty text stays empty text
      "category:\n"    // null: absent
      "webUrl: https://x.org/a\n"
      "publishedDateTime: Fri, 24 Nov 2023 10:42:00 +0530\n"
      "quality: -7\n"
      "heat: 0x10\n"
      "published: yes\n"
      "topics: AI\n"  // one text is one topic
      "provider: {name: Beebom}\n"
      "images:\n  - url: https://x.org/i.jpg\n    isCached: false\n"
      "---\n");
  CHECK(a.title == "1984");
  CHECK(a.excerpt == "");
  CHECK_FALSE(a.category);
  CHECK(a.published_date_time == sys_days{year{2023} / 11 / 24} + hours{5} + minutes{12});
  CHECK(a.quality == -7);
  CHECK(a.heat == 16);
  CHECK(a.published == true);
  CHECK(a.topics == std::vector<std::string>{"AI"});
  REQUIRE(a.provider);
  CHECK(a.provider->name == "Beebom");
  CHECK(a.provider->domain.empty());
  REQUIRE(a.images.size() == 1);
  CHECK(a.images[0].is_cached == false);
  CHECK_FALSE(a.images[0].width);
}

TEST_CASE("a quoted number is text, not an integer", "[frontmatter]") {
  Diagnostic d = parse_error(kHead + "quality: \"74\"\n---\n");
  CHECK(d.message == "`quality` must be an integer, got \"74\"");
}

TEST_CASE("!!str makes a plain scalar text", "[frontmatter]") {
  Article a = parse_ok(kHead + "x: !!str 123\ny: 123\n---\n");
  CHECK(a.extra.dump() == R"({"x":"123","y":123})");
}

TEST_CASE("unknown fields are kept as JSON with the YAML 1.2 core schema", "[frontmatter]") {
  Article a = parse_ok(kHead +
                       "locale: en-US\n"
                       "score: 1.5\n"
                       "flag: true\n"
                       "quoted: \"true\"\n"
                       "nothing: ~\n"
                       "big: 123456789012345678901234567890\n"
                       "updatedDateTime: 2023-11-24T05:12:00Z\n"
                       "tags: [a, b]\n"
                       "meta:\n  nested: {k: [1, null]}\n"
                       "---\n");
  CHECK(a.extra.dump() ==
        R"({"locale":"en-US","score":1.5,"flag":true,"quoted":"true","nothing":null,)"
        R"("big":"123456789012345678901234567890","updatedDateTime":"2023-11-24T05:12:00Z",)"
        R"("tags":["a","b"],"meta":{"nested":{"k":[1,null]}}})");
}

TEST_CASE("unknown fields are kept at every level", "[frontmatter]") {
  Article a = parse_ok(kHead +
                       "provider:\n  name: P\n  images: [logo.png]\n"
                       "images:\n  - url: u\n    title: caption\n"
                       "related:\n  - title: R\n    webUrl: https://r.org/\n    tags: [t]\n"
                       "---\n");
  CHECK(a.provider->extra.dump() == R"({"images":["logo.png"]})");
  CHECK(a.images[0].extra.dump() == R"({"title":"caption"})");
  CHECK(a.related[0].extra.dump() == R"({"tags":["t"]})");
}

TEST_CASE("anchors and aliases are expanded", "[frontmatter]") {
  Article a =
      parse_ok(kHead + "base: &p {name: Reuters, domain: reuters.com}\nprovider: *p\n---\n");
  REQUIRE(a.provider);
  CHECK(a.provider->domain == "reuters.com");
  CHECK(a.extra["base"]["name"] == "Reuters");
}

TEST_CASE("the article's identity is the canonical originalUrl, else webUrl", "[frontmatter]") {
  CHECK(parse_ok("---\ntitle: T\nwebUrl: HTTPS://X.ORG/a?utm_source=x\n---\n").canonical_url ==
        "https://x.org/a");
  CHECK(parse_ok("---\ntitle: T\nwebUrl: https://w.org/\noriginalUrl: https://o.org/#x\n---\n")
            .canonical_url == "https://o.org/");
}

TEST_CASE("the top-level id is newsdb's own and ignored on input", "[frontmatter]") {
  CHECK(parse_ok(kHead + "id: 12\n---\n").extra.empty());
}

TEST_CASE("a related entry needs a title and a URL, related in related is kept as unknown",
          "[frontmatter]") {
  Diagnostic d = parse_error(kHead + "related:\n  - webUrl: https://r.org/\n---\n");
  CHECK(d.message == "missing required field `related[0].title`");
  CHECK(d.line == 5);
}

TEST_CASE("body may be a frontmatter field when the file has no body after it", "[frontmatter]") {
  CHECK(parse_ok(kHead + "body: \"Hello\"\n---\n").body == "Hello");
}

TEST_CASE("several problems in one file are each reported, in order", "[frontmatter]") {
  ParsedInput parsed =
      parse_input("---\nwebUrl: nope\nquality: x\n---\n", "a.md", InputFormat::kFrontmatter);
  REQUIRE(parsed.diagnostics.size() == 3);
  CHECK(parsed.diagnostics[0].field == "webUrl");
  CHECK(parsed.diagnostics[1].field == "quality");
  CHECK(parsed.diagnostics[2].message == "missing required field `title`");
  CHECK(parsed.diagnostics[0].path == "a.md");
}

TEST_CASE("JSON output round-trips through the JSON reader", "[frontmatter]") {
  Article a = parse_ok(kHead +
                       "publishedDateTime: 2023-11-24T10:42:00.5+05:30\nquality: 3\n"
                       "provider: {name: P, domain: p.com, x: 1}\ntopics: [A, B]\n"
                       "related:\n  - title: R\n    webUrl: https://r.org/\n    z: [1]\n"
                       "secured: \"abc;def\"\nlocale: fr\n---\nBody\n");
  auto back = article_from_json(to_json(a));
  REQUIRE(back);
  CHECK(*back == a);
}

TEST_CASE("a title of only white space is no title", "[frontmatter]") {
  const std::string url = "webUrl: https://x.org/a\n";
  for (const char* title : {"\"   \"", "\"\\t \\n\"", "\"\xC2\xA0\xE3\x80\x80\""}) {
    INFO(title);
    Diagnostic d = parse_error("---\ntitle: " + std::string(title) + "\n" + url + "---\n");
    CHECK(d.message == "`title` is only white space: a title must say something");
    CHECK(d.line == 2);
  }
  Diagnostic related =
      parse_error(kHead + "related:\n  - title: \" \"\n    webUrl: https://x.org/b\n---\n");
  CHECK(related.message == "`related[0].title` is only white space: a title must say something");
  // A title with white space around words is a title, kept as written.
  CHECK(parse_ok("---\ntitle: \" Padded \"\n" + url + "---\n").title == " Padded ");
}

TEST_CASE("a date outside the years 0001-9999 in UTC is refused, naming the range",
          "[frontmatter]") {
  Diagnostic d = parse_error(kHead + "publishedDateTime: 9999-12-31T23:59:59-14:00\n---\n");
  CHECK(d.message ==
        "`publishedDateTime` is outside the years 0001-9999 in UTC: \"9999-12-31T23:59:59-14:00\" "
        "(newsdb stores instants from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z)");
  CHECK(d.line == 4);
  CHECK(d.column == 20);
}

TEST_CASE("an article URL is http or https with a port from 1 to 65535", "[frontmatter]") {
  const char* hint = " (write http:// or https://, a host, and a port from 1 to 65535 if any)";
  Diagnostic port = parse_error("---\ntitle: T\nwebUrl: http://x.org:99999/a\n---\n");
  CHECK(port.message ==
        std::string("`webUrl` is not an absolute http(s) URL: \"http://x.org:99999/a\"") + hint);
  Diagnostic js = parse_error("---\ntitle: T\noriginalUrl: javascript://x.org/%0Aalert(1)\n---\n");
  CHECK(js.message == std::string("`originalUrl` is not an absolute http(s) URL: "
                                  "\"javascript://x.org/%0Aalert(1)\"") +
                          hint);
}

TEST_CASE("two spellings of an international host are one article", "[frontmatter]") {
  Article upper = parse_ok("---\ntitle: T\nwebUrl: https://BÜCHER.example/a\n---\n");
  Article lower = parse_ok("---\ntitle: T\nwebUrl: https://bücher.example/a\n---\n");
  CHECK(upper.canonical_url == "https://xn--bcher-kva.example/a");
  CHECK(lower.canonical_url == upper.canonical_url);
  CHECK(upper.web_url == "https://BÜCHER.example/a");  // the field keeps what was written
}
