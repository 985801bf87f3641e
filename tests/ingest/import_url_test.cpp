// `newsdb import URL` through the library: URLs fetched once from the loopback server go through
// the import pipeline (ingest::run_import) with the same identity, dedupe and skip rules as files.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <newsdb/feed.hpp>
#include <newsdb/fetch.hpp>
#include <newsdb/store.hpp>

#include "ingest/import_pipeline.hpp"
#include "support/backends.hpp"
#include "support/fixtures.hpp"
#include "support/http_server.hpp"

using namespace newsdb;
using namespace std::chrono_literals;

namespace {

using Counts = std::vector<std::int64_t>;  // new, updated, unchanged, skipped, failed

const Timestamp kT0{std::chrono::sys_days{std::chrono::year{2023} / 12 / 10}};

struct Imported {
  ingest::ImportSummary summary;
  std::vector<Diagnostic> diagnostics;  // warnings too, in order
  Counts counts() const {
    return {summary.added, summary.updated, summary.unchanged, summary.skipped, summary.failed};
  }
};

Imported import_urls(const std::string& db, const std::vector<std::string>& sources,
                     const Clock& clock) {
  HttpOptions http_options;
  http_options.retry_delay = 10ms;
  auto http = make_curl_client(http_options);
  ingest::ImportOptions options;
  options.sources = sources;
  options.database = db;
  Imported out;
  ingest::ImportObserver observer;
  observer.diagnostic = [&](const Diagnostic& d) { out.diagnostics.push_back(d); };
  auto summary = ingest::run_import(options, clock, observer, http.get());
  if (!summary) FAIL(summary.error().message);
  out.summary = std::move(*summary);
  return out;
}

Article stored(Store& store, const std::string& url) {
  auto found = store.reader().get_by_url(url);
  REQUIRE(found.has_value());
  if (!found->has_value()) FAIL("not stored: " << url);
  return (*found)->article;
}

}  // namespace

TEST_CASE("import URL stores each format's items, and a bad record or a bad URL fails alone",
          "[net][import-url]") {
  test::HttpServer server;
  server.route("/feed.xml", {.body = test::read_fixture("feeds/rss2.xml"), .gzip = true});
  server.route("/records.ndjson", {.body = test::read_fixture("feeds/articles.ndjson"),
                                   .content_type = "application/x-ndjson"});
  // One good record and two bad ones: two failed records, not one failed input.
  server.route("/mixed.ndjson",
               {.body = "{\"title\": \"Good\", \"originalUrl\": \"https://m.example/good\"}\n"
                        "{\"title\": \"Bad\", \"originalUrl\": \"https://m.example/b1\", "
                        "\"heat\": \"hot\"}\n"
                        "{\"title\": \"Bad too\", \"originalUrl\": \"https://m.example/b2\", "
                        "\"quality\": \"high\"}\n",
                .content_type = "application/x-ndjson"});
  FixedClock clock(kT0);
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend);
      auto got = import_urls(fresh.spec(),
                             {server.url("/feed.xml"), server.url("/records.ndjson"),
                              server.url("/mixed.ndjson"), server.url("/missing.xml")},
                             clock);
      // rss2.xml: 6 usable items of 7; the NDJSON files: 2 + 1 good records.
      CHECK(got.counts() == Counts{9, 0, 0, 0, 3});
      REQUIRE(got.summary.errors.size() == 3);
      CHECK(got.summary.errors[0].path == server.url("/mixed.ndjson"));
      CHECK(got.summary.errors[2].path == server.url("/missing.xml"));
      CHECK(got.summary.errors[2].message == "HTTP 404 Not Found");

      // A relative link resolves against the URL the feed came from.
      auto rtx = stored(fresh.store(), server.url("/news/rtx-4090-rebuilt?id=7"));
      CHECK(rtx.title == "Chips & Dips: RTX 4090 rebuilt");
      REQUIRE(rtx.provider.has_value());
      CHECK(rtx.provider->name == "Example Tech & Science");
      // An undated item is given the fetch time and marked.
      auto undated = stored(fresh.store(), "https://www.example.com/news/undated");
      CHECK(undated.published_date_time == kT0);
      CHECK(undated.extra.value(kDateSourceField, std::string()) == "fetched");
      CHECK(stored(fresh.store(), "https://m.example/good").title == "Good");
      CHECK_FALSE(fresh.store().reader().get_by_url("https://m.example/b1")->has_value());
    }
  }
}

TEST_CASE("import URL again: same bytes are unchanged and not re-parsed, made-up dates stay "
          "those of the first read, and a file of the same story updates it",
          "[net][import-url]") {
  test::HttpServer server;
  const std::string rss = test::read_fixture("feeds/rss2.xml");
  server.route("/feed.xml", {.body = rss});
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend);
      FixedClock clock(kT0);
      auto first = import_urls(fresh.spec(), {server.url("/feed.xml")}, clock);
      CHECK(first.counts() == Counts{6, 0, 0, 0, 0});
      CHECK_FALSE(first.diagnostics.empty());  // the clamped date, the linkless item

      // The same bytes a day later: not parsed again (so no warnings), all unchanged.
      clock.advance(24h);
      auto same = import_urls(fresh.spec(), {server.url("/feed.xml")}, clock);
      CHECK(same.counts() == Counts{0, 0, 6, 0, 0});
      CHECK(same.diagnostics.empty());

      // New bytes another day later: parsed, but the made-up dates stay those of the first read.
      server.route("/feed.xml", {.body = rss + "<!-- v2 -->"});
      clock.advance(24h);
      auto changed = import_urls(fresh.spec(), {server.url("/feed.xml")}, clock);
      CHECK(changed.counts() == Counts{0, 0, 6, 0, 0});
      CHECK_FALSE(changed.diagnostics.empty());
      CHECK(stored(fresh.store(), "https://www.example.com/news/undated").published_date_time ==
            kT0);
      auto future = stored(fresh.store(), "https://www.example.com/news/future");
      CHECK(future.published_date_time == kT0);
      CHECK(future.extra.value(kDateSourceField, std::string()) == "clamped");

      // A file with the same canonical URL (tracking parameters and all) is the same article.
      test::TempDir dir;
      auto file = dir.path() / "undated.md";
      std::ofstream(file) << "---\ntitle: \"Now with a date\"\n"
                             "originalUrl: \"https://WWW.example.com/news/undated?utm_source=x\"\n"
                             "publishedDateTime: 2023-12-01T10:00:00Z\n---\n";
      auto from_file = import_urls(fresh.spec(), {file.string()}, clock);
      CHECK(from_file.counts() == Counts{0, 1, 0, 0, 0});
      CHECK(stored(fresh.store(), "https://www.example.com/news/undated").title ==
            "Now with a date");
    }
  }
}

TEST_CASE("a URL that failed is retried by the next import and then counted",
          "[net][import-url]") {
  test::HttpServer server;
  server.route_sequence("/feed.json",
                        {{.status = 404, .body = "not yet"},
                         {.body = test::read_fixture("feeds/jsonfeed.json"),
                          .content_type = "application/feed+json"}});
  FixedClock clock(kT0);
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend);
      auto first = import_urls(fresh.spec(), {server.url("/feed.json")}, clock);
      CHECK(first.counts() == Counts{0, 0, 0, 0, 1});
      auto failed = fresh.store().import_log().failed_inputs();
      REQUIRE(failed.has_value());
      REQUIRE(failed->size() == 1);

      auto second = import_urls(fresh.spec(), {server.url("/feed.json")}, clock);
      CHECK(second.counts() == Counts{2, 0, 0, 0, 0});
      failed = fresh.store().import_log().failed_inputs();
      REQUIRE(failed.has_value());
      CHECK(failed->empty());
    }
  }
}
