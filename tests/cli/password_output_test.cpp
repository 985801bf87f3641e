// A password in a URL's userinfo never reaches the terminal: not in import's diagnostics or
// summary, not in `errors`, not in an error about --db.
#include <catch2/catch.hpp>

#include "cli/output/redacted_url.hpp"
#include "cli/run_cli.hpp"
#include "support/temp_dir.hpp"

using namespace newsdb::test;
using newsdb::cli::redacted_text;

TEST_CASE("redacted_text hides the password of every URL in a message", "[cli][output]") {
  CHECK(redacted_text("cannot fetch https://ann:s3cret@feeds.example/rss: HTTP 401") ==
        "cannot fetch https://ann:***@feeds.example/rss: HTTP 401");
  CHECK(redacted_text("a http://a:b@x.example and 'ftp://c:d@y.example'") ==
        "a http://a:***@x.example and 'ftp://c:***@y.example'");
  CHECK(redacted_text("no URL: user:pw@host") == "no URL: user:pw@host");
  CHECK(redacted_text("https://ann@x.example/a:b@c") == "https://ann@x.example/a:b@c");
  CHECK(redacted_text("://a:b@c") == "://a:b@c");
}

TEST_CASE("import, errors and --db never print a URL's password", "[cli][output]") {
  TempDir dir;
  const std::string db = (dir.path() / "news.sqlite").string();
  // Port 1 on loopback: nothing listens, the fetch fails at once.
  auto import = run_cli({"--db", db, "import", "http://ann:s3cret@127.0.0.1:1/feed.xml"});
  CHECK(import.status == 1);
  CHECK_THAT(import.err, Catch::Contains("http://ann:***@127.0.0.1:1/feed.xml"));
  CHECK_THAT(import.out + import.err, !Catch::Contains("s3cret"));
  auto json = run_cli({"--db", db, "import", "--report", "json",
                       "http://ann:s3cret@127.0.0.1:1/feed.xml"});
  CHECK_THAT(json.out, Catch::Contains("ann:***@127.0.0.1"));
  CHECK_THAT(json.out + json.err, !Catch::Contains("s3cret"));
  for (auto args : std::vector<std::vector<std::string>>{{"errors"}, {"errors", "-f", "json"}}) {
    args.insert(args.begin(), {"--db", db});
    auto errors = run_cli(args);
    INFO(args.back());
    CHECK_THAT(errors.out, Catch::Contains("ann:***@127.0.0.1"));
    CHECK_THAT(errors.out + errors.err, !Catch::Contains("s3cret"));
  }
  auto pg = run_cli({"--db", "postgresql://ann:s3cret@127.0.0.1:1/news", "query"});
  CHECK(pg.status == 1);
  CHECK_THAT(pg.err, Catch::StartsWith("newsdb: error: "));
  CHECK_THAT(pg.out + pg.err, !Catch::Contains("s3cret"));
}
