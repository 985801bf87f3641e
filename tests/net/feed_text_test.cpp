// The text helpers feeds go through: HTML to text, UTF-8 hygiene, excerpt cutting, charsets and
// URL resolution.
#include <catch2/catch.hpp>

#include "net/charset.hpp"
#include "net/feed_text.hpp"
#include "net/html_text.hpp"
#include "net/url_parts.hpp"

using namespace newsdb::net;

TEST_CASE("HTML becomes text: tags and scripts dropped, entities decoded", "[net][text]") {
  CHECK(html_to_text("<p>Caf&eacute; &amp; <b>bar</b>&nbsp;&#x263A;</p><script>x()</script>",
                     TextLayout::kOneLine)
            .text == "Caf\u00e9 & bar \u263a");
  CHECK(html_to_text("<style>p{}</style>plain", TextLayout::kOneLine).text == "plain");
  CHECK(html_to_text("a < b and c > d", TextLayout::kOneLine).text == "a < b and c > d");
}

TEST_CASE("HTML blocks become paragraphs, <br> a line break", "[net][text]") {
  auto t = html_to_text("<h1>Title</h1><p>One<br>two</p><ul><li>a</li><li>b</li></ul>",
                        TextLayout::kParagraphs);
  CHECK(t.text == "Title\n\nOne\ntwo\n\na\n\nb");
  CHECK(html_to_text("first\n\n\nsecond  para", TextLayout::kParagraphs).text ==
        "first\n\nsecond para");
}

TEST_CASE("the first inline image is found", "[net][text]") {
  auto t = html_to_text("<p>x<img src=\"/a.png\"><img src=\"/b.png\"></p>", TextLayout::kOneLine);
  CHECK(t.first_image == "/a.png");
}

TEST_CASE("HTML walking is bounded", "[net][text]") {
  std::string deep;
  for (int i = 0; i < 50000; ++i) deep += "<span>w ";
  auto t = html_to_text(deep, TextLayout::kOneLine, 1000);
  CHECK(t.text.size() < 5000);
}

TEST_CASE("invalid UTF-8 and NULs become U+FFFD", "[net][text]") {
  CHECK(is_valid_utf8("caf\xc3\xa9"));
  CHECK_FALSE(is_valid_utf8("caf\xe9"));
  CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));  // a surrogate
  CHECK_FALSE(is_valid_utf8("\xc0\xaf"));      // overlong
  CHECK(sanitize_utf8(std::string("a\xff" "b\0c", 5)) == "a\uFFFDb\uFFFDc");
}

TEST_CASE("excerpts are cut after a whole word", "[net][text]") {
  CHECK(cut_at_word("short", 10) == "short");
  CHECK(cut_at_word("the quick brown fox jumps", 12) == "the quick…");
  CHECK(cut_at_word("caf\u00e9 caf\u00e9 caf\u00e9", 9) == "caf\u00e9…");
  CHECK(collapse_whitespace("  a \t\n b\u00a0 c  ") == "a b c");
}

TEST_CASE("charsets: read from Content-Type, converted by iconv", "[net][charset]") {
  CHECK(charset_of("text/xml; charset=\"ISO-8859-1\"") == "ISO-8859-1");
  CHECK(charset_of("application/json;charset=utf-8;q=1") == "utf-8");
  CHECK_FALSE(charset_of("text/xml").has_value());
  CHECK(is_utf8_name("UTF8"));
  CHECK_FALSE(is_utf8_name("latin1"));
  CHECK(to_utf8("caf\xe9", "ISO-8859-1") == "caf\u00e9");
  CHECK(to_utf8("\x93hi\x94", "WINDOWS-1252") == "\u201chi\u201d");
  CHECK_FALSE(to_utf8("x", "NO-SUCH-CHARSET").has_value());
}

TEST_CASE("links resolve against their base, non-web links are refused", "[net][url]") {
  const std::string base = "https://example.com/blog/post.html";
  CHECK(resolve_url(base, "/img/a.png") == "https://example.com/img/a.png");
  CHECK(resolve_url(base, "b.html") == "https://example.com/blog/b.html");
  CHECK(resolve_url(base, "../up.html") == "https://example.com/up.html");
  CHECK(resolve_url(base, "//cdn.example.net/x.jpg") == "https://cdn.example.net/x.jpg");
  CHECK(resolve_url(base, "  http://other.example/  ") == "http://other.example/");
  CHECK_FALSE(resolve_url(base, "javascript:alert(1)").has_value());
  CHECK_FALSE(resolve_url(base, "mailto:a@b.c").has_value());
  CHECK_FALSE(resolve_url("", "relative/only").has_value());
  CHECK(url_domain("https://WWW.Example.com/x") == "example.com");
  CHECK(url_host("https://www.example.com:8080/x") == "www.example.com");
}
