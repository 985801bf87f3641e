#include "cli/output/redacted_url.hpp"

#include <catch2/catch.hpp>

using newsdb::cli::redacted_url;

TEST_CASE("a password in a URL's userinfo is never printed", "[cli][output]") {
  CHECK(redacted_url("https://ann:s3cret@feeds.example/rss") == "https://ann:***@feeds.example/rss");
  CHECK(redacted_url("https://ann:p@ss@feeds.example/a@b") == "https://ann:***@feeds.example/a@b");
  CHECK(redacted_url("https://ann@feeds.example/rss") == "https://ann@feeds.example/rss");
  CHECK(redacted_url("https://feeds.example/x?u=a:b@c") == "https://feeds.example/x?u=a:b@c");
}
