// Inputs the fuzzers found, kept so they stay fixed.
#include <catch2/catch.hpp>
#include <newsdb/url.hpp>

using newsdb::canonical_url;

TEST_CASE("a host with a stray colon is not a URL (url_fuzz finding)", "[url][regression]") {
  // Before the fix this canonicalised to "ht://tp://:/..." which re-read as another identity.
  CHECK_FALSE(canonical_url("ht://tp:://:/\x8f.com"));
  CHECK_FALSE(canonical_url("https://example.com::8080/a"));
  // An IPv6 literal keeps its colons, and a lone empty port is still accepted.
  CHECK(canonical_url("http://[::1]:8080/a") == "http://[::1]:8080/a");
}

TEST_CASE("canonical URLs are fixed points", "[url][regression]") {
  for (const char* url :
       {"HTTPS://Example.COM:443/a b?utm_source=x&id=3#frag", "http://user@Example.com/x?fbclid=1",
        "https://example.com", "https://[2001:db8::1]:443/p?q", "https://BÜCHER.example/",
        "https://e.com\xEF\xBC\x9A"
        "80/",
        "http://x.org:007/",
        // url_fuzz finding: IDNA maps a soft hyphen (U+00AD) to nothing, so a host of soft
        // hyphens, or a label of them, became empty and the canonical URL read back as none.
        "http://\xC2\xAD?", "http://a.\xC2\xAD.example/"}) {
    auto once = canonical_url(url);
    REQUIRE(once);
    CHECK(canonical_url(*once) == once);
  }
}
