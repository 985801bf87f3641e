#include <catch2/catch.hpp>
#include <map>
#include <newsdb/feed_poller.hpp>
#include <newsdb/store.hpp>

#include "store/content_hash.hpp"
#include "store/parsed_file.hpp"
#include "support/backends.hpp"
#include "support/fixtures.hpp"
#include "support/http_server.hpp"

using namespace newsdb;
using namespace std::chrono_literals;

namespace {

const Timestamp kT0{std::chrono::sys_days{std::chrono::year{2023} / 12 / 10}};

// Keeps what it is given, counting like the store does: by canonical URL, last write wins; and
// the import records it was given, as the store's import log.
class MemoryWriter final : public ArticleWriter, public ImportLog {
 public:
  Result<std::vector<std::optional<ImportRecord>>> lookup(
      std::span<const std::string> paths) override {
    std::vector<std::optional<ImportRecord>> out;
    for (const auto& p : paths) {
      auto it = records.find(p);
      out.push_back(it == records.end() ? std::nullopt : std::optional(it->second));
    }
    return out;
  }
  Result<std::vector<FailedInput>> failed_inputs() override { return std::vector<FailedInput>{}; }
  Result<std::vector<std::string>> failed_under(const std::string&) override {
    return std::vector<std::string>{};
  }
  Result<void> forget_inputs(std::span<const std::string>) override { return {}; }
  Result<std::vector<std::optional<std::string>>> stored_hashes(
      std::span<const std::string> urls) override {
    return std::vector<std::optional<std::string>>(urls.size());  // not used by the poller
  }
  Result<WriteCounts> write_batch(std::span<const ParsedFile> batch, Timestamp) override {
    WriteCounts counts;
    for (const auto& file : batch) {
      files.push_back(file);
      records[file.record.path] = file.record;
      for (const auto& a : file.articles) {
        auto it = stored.find(a.canonical_url);
        if (it == stored.end()) ++counts.added;
        else if (it->second == a) ++counts.unchanged;
        else ++counts.updated;
        stored[a.canonical_url] = a;
      }
    }
    return counts;
  }

  std::map<std::string, Article> stored;
  std::map<std::string, ImportRecord> records;
  std::vector<ParsedFile> files;
};

HttpOptions quick_http() {
  HttpOptions o;
  o.connect_timeout = 1000ms;
  o.total_timeout = 1500ms;
  o.retry_delay = 10ms;
  return o;
}

// The source registry of a fresh store on `backend` (the feed state the poller keeps), a memory
// writer for the articles, a fixed clock and the curl client.
struct Rig {
  test::FreshStore fresh;
  MemoryWriter writer;
  FixedClock clock{kT0};
  std::unique_ptr<HttpClient> http;
  explicit Rig(const std::string& backend, HttpOptions options = quick_http())
      : fresh(backend), http(make_curl_client(options)) {}

  Source add(const std::string& url, std::chrono::seconds every = 30min) {
    auto r = fresh.store().sources().add(url, every, clock.now());
    REQUIRE(r.has_value());
    return r->source;
  }
  std::vector<PollReport> poll(const std::vector<Source>& sources) {
    FeedPoller poller(*http, clock, fresh.store().sources(), writer, writer,
                      [this](const std::string& url) -> std::optional<Timestamp> {
                        auto it = writer.stored.find(url);
                        if (it == writer.stored.end()) return std::nullopt;
                        return it->second.published_date_time;
                      });
    auto r = poller.poll(sources);
    REQUIRE(r.has_value());
    return *r;
  }
  std::vector<PollReport> poll_due() {
    auto all = fresh.store().sources().list();
    REQUIRE(all.has_value());
    auto due = sources_to_poll(*all, {}, clock.now());
    REQUIRE(due.has_value());
    return poll(*due);
  }
  Source stored(const std::string& url) {
    auto s = fresh.store().sources().find(url);
    REQUIRE(s.has_value());
    REQUIRE(s->has_value());
    return **s;
  }
};

void serve_fixture(test::HttpServer& server, const std::string& path, const std::string& fixture,
                   test::CannedResponse response = {}) {
  response.body = test::read_fixture("feeds/" + fixture);
  server.route(path, std::move(response));
}

}  // namespace

TEST_CASE("a first poll imports every format, the next one is all 304s", "[net][poller]") {
  test::HttpServer server;
  serve_fixture(server, "/tech.xml", "rss2.xml", {.etag = "\"rss-1\""});
  serve_fixture(server, "/blog.atom", "atom.xml",
                {.last_modified = "Sat, 02 Dec 2023 10:30:00 GMT"});
  serve_fixture(server, "/feed.json", "jsonfeed.json",
                {.content_type = "application/feed+json", .etag = "\"j1\"",
                 .last_modified = "Tue, 05 Dec 2023 14:00:00 GMT", .gzip = true});
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      Rig rig(backend);
      auto tech = rig.add(server.url("/tech.xml"));
      auto blog = rig.add(server.url("/blog.atom"), 1h);
      auto json = rig.add(server.url("/feed.json"));

      auto first = rig.poll_due();
      REQUIRE(first.size() == 3);
      for (const auto& r : first) {
        INFO(r.source.url << ": " << r.error);
        CHECK(r.status == PollStatus::kFetched);
        CHECK(r.http_status == 200);
      }
      CHECK(first[0].counts.added == 6);
      CHECK(first[0].format == FeedFormat::kRss);
      CHECK(first[1].counts.added == 3);
      CHECK(first[2].counts.added == 2);
      CHECK(rig.writer.stored.size() == 11);

      auto saved = rig.stored(tech.url);
      CHECK(saved.title == "Example Tech & Science");
      CHECK(saved.etag == "\"rss-1\"");
      CHECK(saved.last_status == 200);
      CHECK(saved.last_new_items == 6);
      CHECK(saved.last_fetch_at == kT0);
      CHECK(saved.next_due_at == kT0 + 30min);
      CHECK(rig.stored(blog.url).next_due_at == kT0 + 1h);
      CHECK(rig.stored(blog.url).last_modified == "Sat, 02 Dec 2023 10:30:00 GMT");

      // Nothing is due before its interval has passed.
      rig.clock.advance(10min);
      CHECK(rig.poll_due().empty());

      rig.clock.advance(2h);
      auto second = rig.poll_due();
      REQUIRE(second.size() == 3);
      for (const auto& r : second) {
        INFO(r.source.url);
        CHECK(r.status == PollStatus::kNotModified);
        CHECK(r.http_status == 304);
        CHECK(r.source.last_new_items == 0);
      }
      auto requests = server.requests();
      REQUIRE(requests.size() == 6);
      std::map<std::string, test::RecordedRequest> last;
      for (const auto& r : requests) last[r.path] = r;
      CHECK(last["/tech.xml"].header("if-none-match") == "\"rss-1\"");
      CHECK(last["/blog.atom"].header("if-modified-since") == "Sat, 02 Dec 2023 10:30:00 GMT");
      CHECK(last["/feed.json"].header("if-none-match") == "\"j1\"");
      CHECK(last["/feed.json"].header("if-modified-since") == "Tue, 05 Dec 2023 14:00:00 GMT");
      CHECK(rig.stored(json.url).next_due_at == rig.clock.now() + 30min);
    }
  }
}

TEST_CASE("a permanent redirect moves the source, a temporary one does not", "[net][poller]") {
  test::HttpServer server;
  serve_fixture(server, "/new.xml", "rdf.xml");
  server.redirect("/old.xml", "/new.xml", 301);
  server.redirect("/temp.xml", "/new.xml", 302);
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      Rig rig(backend);
      auto old_source = rig.add(server.url("/old.xml"));
      auto temp_source = rig.add(server.url("/temp.xml"));
      auto reports = rig.poll_due();
      REQUIRE(reports.size() == 2);
      CHECK(reports[0].status == PollStatus::kFetched);
      CHECK(reports[0].moved_from == server.url("/old.xml"));
      CHECK(reports[0].source.url == server.url("/new.xml"));
      CHECK(reports[1].status == PollStatus::kFetched);
      CHECK_FALSE(reports[1].moved_from.has_value());

      auto all = rig.fresh.store().sources().list();
      REQUIRE(all.has_value());
      REQUIRE(all->size() == 2);
      CHECK((*all)[0].id == old_source.id);
      CHECK((*all)[0].url == server.url("/new.xml"));
      CHECK((*all)[1].url == temp_source.url);

      rig.clock.advance(1h);
      rig.poll_due();
      CHECK(server.hits("/old.xml") == 1);  // the moved source now goes straight to the new URL
      CHECK(server.hits("/temp.xml") == 2);
    }
  }
}

TEST_CASE("a permanent redirect to a URL registered already keeps both sources and warns",
          "[net][poller]") {
  test::HttpServer server;
  serve_fixture(server, "/new.xml", "rdf.xml");
  server.redirect("/old.xml", "/new.xml", 301);
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      Rig rig(backend);
      auto old_source = rig.add(server.url("/old.xml"));
      auto new_source = rig.add(server.url("/new.xml"));
      auto reports = rig.poll({old_source, new_source});
      REQUIRE(reports.size() == 2);
      CHECK(reports[0].status == PollStatus::kFetched);
      CHECK_FALSE(reports[0].moved_from.has_value());
      CHECK(reports[0].source.url == server.url("/old.xml"));
      REQUIRE(reports[0].diagnostics.size() == 1);
      CHECK_THAT(
          reports[0].diagnostics[0].message,
          Catch::Contains("registered already; remove this one with `newsdb sources remove " +
                          server.url("/old.xml") + "`"));
      CHECK(reports[1].status == PollStatus::kFetched);
      CHECK(rig.stored(server.url("/old.xml")).id == old_source.id);
      CHECK(rig.stored(server.url("/new.xml")).id == new_source.id);
    }
  }
}

TEST_CASE("a source removed while it was polled is dropped, the others are saved",
          "[net][poller]") {
  test::HttpServer server;
  serve_fixture(server, "/gone.xml", "rdf.xml");
  serve_fixture(server, "/kept.xml", "atom.xml");
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      Rig rig(backend);
      auto gone = rig.add(server.url("/gone.xml"));
      auto kept = rig.add(server.url("/kept.xml"));
      auto removed = rig.fresh.store().sources().remove(gone.url);  // as `sources remove` would
      REQUIRE(removed.has_value());
      REQUIRE(*removed);

      FeedPoller poller(*rig.http, rig.clock, rig.fresh.store().sources(), rig.writer,
                        rig.writer);
      auto reports = poller.poll({gone, kept});
      REQUIRE(reports.has_value());
      REQUIRE(reports->size() == 2);
      CHECK((*reports)[1].status == PollStatus::kFetched);
      CHECK(rig.stored(kept.url).last_status == 200);
      auto all = rig.fresh.store().sources().list();
      REQUIRE(all.has_value());
      CHECK(all->size() == 1);  // not re-created
    }
  }
}

TEST_CASE("a redirect loop fails the source and says so", "[net][poller]") {
  test::HttpServer server;
  server.redirect("/a", "/b");
  server.redirect("/b", "/a");
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      Rig rig(backend);
      auto s = rig.add(server.url("/a"));
      auto reports = rig.poll({s});
      REQUIRE(reports.size() == 1);
      CHECK(reports[0].status == PollStatus::kFailed);
      CHECK_THAT(reports[0].error, Catch::Contains("redirect loop"));
      auto saved = rig.stored(s.url);
      CHECK(saved.error_count == 1);
      CHECK(saved.last_error == reports[0].error);
      CHECK_FALSE(saved.last_status.has_value());
    }
  }
}

TEST_CASE("a failing source backs off exponentially up to a day, then recovers",
          "[net][poller]") {
  test::HttpServer server;
  server.route("/down.xml", {.status = 500, .body = "oops"});
  HttpOptions options = quick_http();
  options.max_retries = 1;
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      Rig rig(backend, options);
      auto s = rig.add(server.url("/down.xml"));

      const std::vector<std::chrono::seconds> expected = {30min, 1h, 2h, 4h, 8h, 16h, 24h, 24h};
      for (std::size_t i = 0; i < expected.size(); ++i) {
        auto reports = rig.poll_due();
        REQUIRE(reports.size() == 1);
        CHECK(reports[0].status == PollStatus::kFailed);
        CHECK(reports[0].error == "HTTP 500 Internal Server Error (after 2 attempts)");
        auto saved = rig.stored(s.url);
        CHECK(saved.error_count == static_cast<std::int64_t>(i + 1));
        CHECK(saved.last_status == 500);
        REQUIRE(saved.next_due_at.has_value());
        CHECK(*saved.next_due_at - rig.clock.now() == expected[i]);
        rig.clock.set(*saved.next_due_at);
      }
      CHECK(server.hits("/down.xml") == 2 * expected.size());

      serve_fixture(server, "/down.xml", "rdf.xml");
      auto back = rig.poll_due();
      REQUIRE(back.size() == 1);
      CHECK(back[0].status == PollStatus::kFetched);
      auto saved = rig.stored(s.url);
      CHECK(saved.error_count == 0);
      CHECK_FALSE(saved.last_error.has_value());
      CHECK(saved.next_due_at == rig.clock.now() + 30min);
    }
  }
}

TEST_CASE("a source that never answers costs one timeout, and its next poll is backed off",
          "[net][poller]") {
  test::HttpServer server;
  server.route("/hung.xml", {.body = "<rss/>", .stall = 30s});
  serve_fixture(server, "/good.xml", "rss2.xml");
  HttpOptions options = quick_http();
  options.total_timeout = 400ms;
  options.max_retries = 2;
  options.retry_delay = 300ms;
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      Rig rig(backend, options);
      auto hung = rig.add(server.url("/hung.xml"));
      auto good = rig.add(server.url("/good.xml"), 1h);  // not due again when the hung one is
      auto hits_before = server.hits("/hung.xml");
      auto started = std::chrono::steady_clock::now();
      auto reports = rig.poll({hung, good});
      auto took = std::chrono::steady_clock::now() - started;
      REQUIRE(reports.size() == 2);
      CHECK(reports[0].status == PollStatus::kFailed);
      CHECK(reports[0].error == "timed out (no complete answer within 400 ms)");
      CHECK(reports[1].status == PollStatus::kFetched);
      CHECK(server.hits("/hung.xml") == hits_before + 1);
      // One timeout; retried it would be 3 x 400 ms plus 300 ms and 600 ms of delays (2.1 s).
      CHECK(took >= 400ms);
      CHECK(took < 1100ms);
      auto saved = rig.stored(hung.url);
      CHECK(saved.error_count == 1);
      CHECK(saved.next_due_at == kT0 + 30min);
      CHECK(saved.last_error == "timed out (no complete answer within 400 ms)");

      // Still hung at its next poll: backed off further, still one attempt.
      rig.clock.set(*saved.next_due_at);
      auto again = rig.poll_due();
      REQUIRE(again.size() == 1);
      CHECK(again[0].status == PollStatus::kFailed);
      CHECK(server.hits("/hung.xml") == hits_before + 2);
      saved = rig.stored(hung.url);
      CHECK(saved.error_count == 2);
      CHECK(saved.next_due_at == kT0 + 30min + 1h);
    }
  }
}

TEST_CASE("429 and 503 wait at least as long as Retry-After asks", "[net][poller]") {
  test::HttpServer server;
  server.route("/busy", {.status = 429, .body = "", .headers = {{"Retry-After", "7200"}}});
  server.route("/brief", {.status = 429, .body = "", .headers = {{"Retry-After", "60"}}});
  server.route("/maint", {.status = 503, .body = "",
                          .headers = {{"Retry-After", "Sun, 10 Dec 2023 03:00:00 GMT"}}});
  server.route("/forever", {.status = 429, .body = "", .headers = {{"Retry-After", "9999999"}}});
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      Rig rig(backend);
      std::vector<Source> sources = {rig.add(server.url("/busy")), rig.add(server.url("/brief")),
                                     rig.add(server.url("/maint")),
                                     rig.add(server.url("/forever"))};
      auto reports = rig.poll(sources);
      REQUIRE(reports.size() == 4);
      CHECK(reports[0].error == "HTTP 429 Too Many Requests; the server asked to wait 2h");
      CHECK(rig.stored(sources[0].url).next_due_at == kT0 + 2h);
      CHECK(rig.stored(sources[1].url).next_due_at == kT0 + 30min);  // the backoff is longer
      CHECK(reports[2].error == "HTTP 503 Service Unavailable; the server asked to wait 3h");
      CHECK(rig.stored(sources[2].url).next_due_at == kT0 + 3h);
      CHECK(rig.stored(sources[3].url).next_due_at == kT0 + 24h);  // never more than a day
      CHECK(server.hits("/busy") == 1);                            // not retried at once
    }
  }
}

TEST_CASE("one bad source among good ones: the good are imported, each bad one says why",
          "[net][poller]") {
  test::HttpServer server;
  serve_fixture(server, "/good1.xml", "rss2.xml");
  serve_fixture(server, "/good2.json", "jsonfeed.json");
  server.route("/stall.xml", {.body = "<rss/>", .stall = 10s});
  server.route("/page.html", {.body = test::read_fixture("feeds/page.html"),
                              .content_type = "text/html"});
  server.route("/huge.xml", {.body = std::string(200 * 1024, ' ')});
  HttpOptions options = quick_http();
  options.total_timeout = 400ms;
  options.max_retries = 0;
  options.max_body_bytes = 100 * 1024;
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      Rig rig(backend, options);
      std::vector<Source> sources = {
          rig.add(server.url("/good1.xml")),   rig.add(server.url("/stall.xml")),
          rig.add(server.url("/missing.xml")), rig.add(server.url("/page.html")),
          rig.add(server.url("/huge.xml")),    rig.add(test::refused_url("/x.xml")),
          rig.add(server.url("/good2.json"))};
      auto started = std::chrono::steady_clock::now();
      auto reports = rig.poll(sources);
      CHECK(std::chrono::steady_clock::now() - started < 3s);
      REQUIRE(reports.size() == 7);
      CHECK(reports[0].status == PollStatus::kFetched);
      CHECK(reports[0].counts.added == 6);
      CHECK(reports[6].status == PollStatus::kFetched);
      CHECK(reports[6].counts.added == 2);
      CHECK_THAT(reports[1].error, Catch::Contains("timed out"));
      CHECK(reports[2].error == "HTTP 404 Not Found");
      CHECK_THAT(reports[3].error, Catch::Contains("HTML page"));
      CHECK_THAT(reports[3].error, Catch::Contains("/feed.xml"));
      CHECK_THAT(reports[4].error, Catch::Contains("larger than"));
      CHECK_THAT(reports[5].error, Catch::Contains("onnect"));
      for (int i : {1, 2, 3, 4, 5}) {
        CHECK(reports[i].status == PollStatus::kFailed);
        CHECK(rig.stored(reports[i].source.url).error_count == 1);
      }
      // The page that is not a feed is recorded like a failed file, for `newsdb errors`.
      auto failed_file = std::find_if(
          rig.writer.files.begin(), rig.writer.files.end(),
          [](const ParsedFile& f) { return f.record.outcome == FileOutcome::kFailed; });
      REQUIRE(failed_file != rig.writer.files.end());
      CHECK(failed_file->record.path == server.url("/page.html"));
      REQUIRE(failed_file->diagnostics.size() == 1);
    }
  }
}

TEST_CASE("undated and future items keep the date of the poll that first saw them",
          "[net][poller]") {
  test::HttpServer server;
  serve_fixture(server, "/feed.xml", "rss2.xml", {.etag = "\"v1\""});
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      Rig rig(backend);
      auto s = rig.add(server.url("/feed.xml"));
      rig.poll({s});
      const std::string undated = "https://www.example.com/news/undated";
      REQUIRE(rig.writer.stored.count(undated) == 1);
      CHECK(rig.writer.stored[undated].published_date_time == kT0);

      // The feed changes (new ETag, new bytes): the undated item comes again, a day later.
      server.route("/feed.xml", {.body = test::read_fixture("feeds/rss2.xml") + "<!-- v2 -->",
                                 .etag = "\"v2\""});
      rig.clock.advance(24h);
      auto reports = rig.poll_due();
      REQUIRE(reports.size() == 1);
      CHECK(reports[0].status == PollStatus::kFetched);
      CHECK(rig.writer.stored[undated].published_date_time == kT0);
      // The item dated 2030 was clamped to the first poll's time, and stays there.
      CHECK(rig.writer.stored["https://www.example.com/news/future"].published_date_time == kT0);
      CHECK(reports[0].counts.added == 0);
      CHECK(reports[0].counts.updated == 0);
      CHECK(reports[0].counts.unchanged == 6);
    }
  }
}

TEST_CASE("named sources are polled whatever their schedule, unknown names are refused",
          "[net][poller]") {
  Source a;
  a.id = 1;
  a.url = "https://a.example/feed";
  a.next_due_at = kT0 + 1h;
  Source b;
  b.id = 2;
  b.url = "https://b.example/feed";
  b.next_due_at = kT0 - 1min;
  Source c;
  c.id = 3;
  c.url = "https://c.example/feed";  // never polled: due

  auto due = sources_to_poll({a, b, c}, {}, kT0);
  REQUIRE(due.has_value());
  REQUIRE(due->size() == 2);
  CHECK((*due)[0].id == 2);
  CHECK((*due)[1].id == 3);

  auto named = sources_to_poll({a, b, c}, {"https://A.example/feed#x"}, kT0);
  REQUIRE(named.has_value());
  REQUIRE(named->size() == 1);
  CHECK((*named)[0].id == 1);

  auto unknown = sources_to_poll({a, b, c}, {"https://z.example/feed"}, kT0);
  REQUIRE_FALSE(unknown.has_value());
  CHECK(unknown.error().kind == ErrorKind::kNotFound);
  CHECK_THAT(unknown.error().message, Catch::Contains("newsdb sources add"));
}

TEST_CASE("a server without validators sending the same bytes is not re-parsed", "[net][poller]") {
  test::HttpServer server;
  serve_fixture(server, "/plain.xml", "rss2.xml");
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      Rig rig(backend);
      auto s = rig.add(server.url("/plain.xml"));
      auto first = rig.poll({s});
      REQUIRE(first[0].status == PollStatus::kFetched);
      auto parsed_files = rig.writer.files.size();
      rig.clock.advance(1h);
      auto second = rig.poll_due();
      REQUIRE(second.size() == 1);
      CHECK(second[0].status == PollStatus::kUnchanged);
      CHECK(second[0].http_status == 200);
      CHECK(second[0].items == 6);
      REQUIRE(rig.writer.files.size() == parsed_files + 1);
      CHECK(rig.writer.files.back().content == ContentState::kUnchanged);
      CHECK(rig.writer.files.back().articles.empty());
    }
  }
}

TEST_CASE("a first poll reads the document whole even when import URL recorded the same bytes",
          "[net][poller]") {
  test::HttpServer server;
  const std::string rss = test::read_fixture("feeds/rss2.xml");
  serve_fixture(server, "/plain.xml", "rss2.xml");
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      Rig rig(backend);
      auto s = rig.add(server.url("/plain.xml"));
      // What `newsdb import URL` leaves behind: a record of the URL with the same content hash.
      rig.writer.records[s.url] = ImportRecord{s.url,
                                               static_cast<std::int64_t>(rss.size()),
                                               0,
                                               store::bytes_content_hash(rss),
                                               FileOutcome::kImported,
                                               6};
      auto first = rig.poll({s});
      REQUIRE(first.size() == 1);
      CHECK(first[0].status == PollStatus::kFetched);
      CHECK(rig.stored(s.url).title == "Example Tech & Science");
      // From then on, the same bytes are not parsed again.
      rig.clock.advance(1h);
      auto second = rig.poll_due();
      REQUIRE(second.size() == 1);
      CHECK(second[0].status == PollStatus::kUnchanged);
    }
  }
}

TEST_CASE("a document that is not a feed keeps no validators, so the next poll reads it again",
          "[net][poller]") {
  test::HttpServer server;
  server.route("/odd", {.body = "<svg/>", .etag = "\"svg\""});
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      Rig rig(backend);
      auto s = rig.add(server.url("/odd"));
      auto r = rig.poll({s});
      CHECK(r[0].status == PollStatus::kFailed);
      CHECK_FALSE(rig.stored(s.url).etag.has_value());
    }
  }
}
