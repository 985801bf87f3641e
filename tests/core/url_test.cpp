#include <catch2/catch.hpp>
#include <newsdb/url.hpp>

using newsdb::canonical_url;

TEST_CASE("canonical_url lower-cases scheme and host but not the path", "[url]") {
  CHECK(canonical_url("HTTPS://BeeBom.COM/RTX-4090/") == "https://beebom.com/RTX-4090/");
}

TEST_CASE("canonical_url drops the default port of the scheme only", "[url]") {
  CHECK(canonical_url("https://example.com:443/a") == "https://example.com/a");
  CHECK(canonical_url("http://example.com:80/a") == "http://example.com/a");
  CHECK(canonical_url("https://example.com:80/a") == "https://example.com:80/a");
  CHECK(canonical_url("http://example.com:8080/a") == "http://example.com:8080/a");
  CHECK(canonical_url("http://example.com:/a") == "http://example.com/a");
}

TEST_CASE("canonical_url drops the fragment", "[url]") {
  CHECK(canonical_url("https://example.com/a#comments") == "https://example.com/a");
  CHECK(canonical_url("https://example.com/a?x=1#top") == "https://example.com/a?x=1");
}

TEST_CASE("canonical_url removes tracking parameters and keeps the others in order", "[url]") {
  CHECK(canonical_url("https://example.com/a?utm_source=tw&id=7&utm_medium=social&b=2") ==
        "https://example.com/a?id=7&b=2");
  CHECK(canonical_url("https://example.com/a?fbclid=XYZ") == "https://example.com/a");
  CHECK(canonical_url("https://example.com/a?gclid=1&UTM_Campaign=x&v=3") ==
        "https://example.com/a?v=3");
  CHECK(canonical_url("https://example.com/a?msclkid=1&mc_cid=2&igshid=3") ==
        "https://example.com/a");
  // Parameters that select content stay.
  CHECK(canonical_url("https://youtube.com/watch?v=HHXMkZkjDSA") ==
        "https://youtube.com/watch?v=HHXMkZkjDSA");
  // A name that only starts like a tracking parameter stays.
  CHECK(canonical_url("https://example.com/a?fbclidx=1") == "https://example.com/a?fbclidx=1");
}

TEST_CASE("canonical_url writes an empty path as /", "[url]") {
  CHECK(canonical_url("https://Example.com") == "https://example.com/");
  CHECK(canonical_url("https://example.com?utm_source=x") == "https://example.com/");
  CHECK(canonical_url("https://example.com?q=1") == "https://example.com/?q=1");
}

TEST_CASE("canonical_url keeps user info and IPv6 literals", "[url]") {
  CHECK(canonical_url("http://[2001:DB8::1]:80/x") == "http://[2001:db8::1]/x");
  CHECK(canonical_url("http://[2001:db8::1]:8080/x") == "http://[2001:db8::1]:8080/x");
  CHECK(canonical_url("https://User@Example.com/x") == "https://User@example.com/x");
}

TEST_CASE("canonical_url writes raw spaces in the path and query as %20", "[url]") {
  // As in the real corpus: https://apnews.com/Business Wire/...
  CHECK(canonical_url("https://apnews.com/Business Wire/5054?q=a b") ==
        "https://apnews.com/Business%20Wire/5054?q=a%20b");
}

TEST_CASE("canonical_url trims surrounding whitespace", "[url]") {
  CHECK(canonical_url("  https://example.com/a \n") == "https://example.com/a");
}

TEST_CASE("canonical_url rejects what is not an absolute URL with a host", "[url]") {
  CHECK_FALSE(canonical_url(""));
  CHECK_FALSE(canonical_url("example.com/a"));
  CHECK_FALSE(canonical_url("/relative/path"));
  CHECK_FALSE(canonical_url("https://"));
  CHECK_FALSE(canonical_url("https:///path"));
  CHECK_FALSE(canonical_url("file:///etc/passwd"));
  CHECK_FALSE(canonical_url("https://exa mple.com/"));
  CHECK_FALSE(canonical_url("https://example.com:8o/"));
  CHECK_FALSE(canonical_url("1http://example.com/"));
  CHECK_FALSE(canonical_url("https://example.com/a\tb"));
  CHECK_FALSE(canonical_url("http://[::1/x"));
}

TEST_CASE("canonical_url makes one identity of the same story's spellings", "[url]") {
  auto a = canonical_url("https://beebom.com/rtx-4090-gpus-re-built-ai-compute-in-china/");
  auto b = canonical_url(
      "HTTPS://Beebom.com:443/rtx-4090-gpus-re-built-ai-compute-in-china/?utm_source=rss#x");
  REQUIRE(a);
  CHECK(a == b);
}

TEST_CASE("is_absolute_url agrees with canonical_url", "[url]") {
  for (const char* url : {"https://x.org/a", "HTTP://X.ORG", "https://a.b/c d", "", "x.org/a",
                          "https://", "file:///etc/passwd", "https://h:8o/", "https://a\tb/"}) {
    INFO(url);
    CHECK(newsdb::is_absolute_url(url) == canonical_url(url).has_value());
  }
}

TEST_CASE("canonical_url takes only http and https: other schemes are no article's address",
          "[url]") {
  CHECK_FALSE(canonical_url("javascript://example.com/%0Aalert(1)"));
  CHECK_FALSE(canonical_url("ftp://example.com/a"));
  CHECK_FALSE(canonical_url("data://example.com/x"));
  CHECK(canonical_url("HtTpS://example.com/a") == "https://example.com/a");
}

TEST_CASE("canonical_url takes ports from 1 to 65535 and drops their leading zeros", "[url]") {
  CHECK_FALSE(canonical_url("http://example.com:99999/"));
  CHECK_FALSE(canonical_url("http://example.com:65536/"));
  CHECK_FALSE(canonical_url("http://example.com:0/"));
  CHECK_FALSE(canonical_url("http://example.com:000000000000000000000000000000080000/"));
  CHECK(canonical_url("http://example.com:65535/") == "http://example.com:65535/");
  CHECK(canonical_url("http://example.com:0080/a") == "http://example.com/a");
  CHECK(canonical_url("http://example.com:08080/a") == "http://example.com:8080/a");
}

TEST_CASE("canonical_url folds an international host with IDNA and writes its ASCII form",
          "[url]") {
  // xn--bcher-kva is the A-label of "bücher" (RFC 3492's algorithm; `idn2 bücher` says so too).
  const std::string expected = "https://xn--bcher-kva.example/a";
  CHECK(canonical_url("https://BÜCHER.example/a") == expected);
  CHECK(canonical_url("https://bücher.example/a") == expected);
  CHECK(canonical_url("https://XN--BCHER-KVA.example/a") == expected);
  // NFC: "u" followed by the combining diaeresis U+0308 is the same host.
  CHECK(canonical_url("https://bu\xCC\x88"
                      "cher.example/a") == expected);
  // Fullwidth letters fold to ASCII, ß stays ß (UTS #46 non-transitional, as browsers map).
  CHECK(canonical_url("https://ＥＸＡＭＰＬＥ.com/") == "https://example.com/");
  CHECK(canonical_url("https://faß.de/") == "https://xn--fa-hia.de/");
}

TEST_CASE("a host IDNA refuses or would turn into a delimiter is kept as written", "[url]") {
  // U+1F4A9 is no letter a domain may hold; a fullwidth colon maps to ':', which would make the
  // canonical URL read back with a port. Both keep their spelling (ASCII lower-cased).
  CHECK(canonical_url("https://\xF0\x9F\x92\xA9.LA/") == "https://\xF0\x9F\x92\xA9.la/");
  CHECK(canonical_url("https://E.com\xEF\xBC\x9A"
                      "80/") ==
        "https://e.com\xEF\xBC\x9A"
        "80/");
  // An ASCII host never goes through IDNA: an underscore is kept.
  CHECK(canonical_url("https://My_Host.example/") == "https://my_host.example/");
}
