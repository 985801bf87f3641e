// The escaping helpers every page goes through (src/serve/html.hpp).
#include <catch2/catch.hpp>

#include "serve/html.hpp"
#include "serve/url_state.hpp"

using namespace newsdb::serve;

TEST_CASE("escape writes markup characters as references and drops control characters", "[serve]") {
  CHECK(escape("<script>alert('x')</script> & \"q\"") ==
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  CHECK(escape(std::string("a\x01" "b\x7f" "c\td\ne", 9)) == "abc\td\ne");
  CHECK(escape("Café 東京") == "Café 東京");
}

TEST_CASE("only absolute http and https URLs become links", "[serve]") {
  CHECK(http_url("https://example.com/a?b=1") == "https://example.com/a?b=1");
  CHECK(http_url("HTTP://Example.com/") == "HTTP://Example.com/");
  CHECK_FALSE(http_url("javascript:alert(1)"));
  CHECK_FALSE(http_url("JaVaScRiPt:alert(1)"));
  CHECK(http_url(" https://example.com/ ") == "https://example.com/");
  CHECK_FALSE(http_url("https://exa mple.com/"));
  CHECK_FALSE(http_url("data:text/html,<script>"));
  CHECK_FALSE(http_url("//example.com/"));
  CHECK_FALSE(http_url("/relative"));
  CHECK_FALSE(http_url("https:///no-host"));
  CHECK_FALSE(http_url("https://"));
  CHECK_FALSE(http_url("https://a.com/\x0a" "x"));
}

TEST_CASE("a snippet's match markers become mark elements and nothing else becomes markup", "[serve]") {
  CHECK(highlighted("a \x02<b>\x03 c") == "a <mark>&lt;b&gt;</mark> c");
  CHECK(highlighted("\x02open") == "<mark>open</mark>");
  CHECK(highlighted("stray\x03 end") == "stray end");
}

TEST_CASE("shortened cuts at a character boundary", "[serve]") {
  CHECK(shortened("abc", 5) == "abc");
  CHECK(shortened("ééé", 3) == "é\u2026");  // é is two bytes: the second cannot be split
}

TEST_CASE("links toggle one filter and drop the offset", "[serve]") {
  Params state = {{"topic", "AI"}, {"offset", "20"}, {"q", "a&b"}};
  CHECK(link_to("/", toggled(state, "topic", "Space")) == "/?topic=AI&q=a%26b&topic=Space");
  CHECK(link_to("/", toggled(state, "topic", "ai")) == "/?q=a%26b");
  CHECK(link_to("/", replaced(state, "since", "2024-01")) == "/?topic=AI&q=a%26b&since=2024-01");
  CHECK(link_to("/", with_offset(state, 40)) == "/?topic=AI&q=a%26b&offset=40");
}
