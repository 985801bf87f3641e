#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <newsdb/fetch.hpp>
#include <newsdb/version.hpp>

#include <sys/resource.h>

#include "support/http_server.hpp"
#include "support/unanswered_port.hpp"

using namespace newsdb;
using namespace std::chrono_literals;

namespace {

// Short limits so that failure paths finish in well under a second each.
HttpOptions test_options() {
  HttpOptions o;
  o.connect_timeout = 1000ms;
  o.total_timeout = 1500ms;
  o.retry_delay = 20ms;
  o.max_retries = 2;
  return o;
}

// CPU time this process has used so far (user + system).
std::chrono::microseconds cpu_time() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return std::chrono::seconds(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         std::chrono::microseconds(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

std::vector<Result<HttpResponse>> fetch(const std::vector<HttpRequest>& requests,
                                        HttpOptions options = test_options()) {
  auto client = make_curl_client(options);
  std::vector<Result<HttpResponse>> out(requests.size(), fail(ErrorKind::kInternal, "not done"));
  std::vector<int> calls(requests.size(), 0);
  client->fetch_all(requests, [&](std::size_t i, Result<HttpResponse> r) {
    ++calls[i];
    out[i] = std::move(r);
  });
  for (int c : calls) REQUIRE(c == 1);
  return out;
}

Result<HttpResponse> fetch_one(const HttpRequest& request, HttpOptions options = test_options()) {
  return fetch({request}, options)[0];
}

}  // namespace

TEST_CASE("a plain GET returns status, body, validators and names newsdb", "[net][http]") {
  test::HttpServer server;
  server.route("/feed.xml", {.body = "<rss/>", .content_type = "application/rss+xml",
                             .etag = "\"v1\"", .last_modified = "Wed, 01 May 2024 10:00:00 GMT"});
  auto r = fetch_one({server.url("/feed.xml")});
  REQUIRE(r.has_value());
  CHECK(r->status == 200);
  CHECK(r->body == "<rss/>");
  CHECK(r->content_type == "application/rss+xml");
  CHECK(r->etag == "\"v1\"");
  CHECK(r->last_modified == "Wed, 01 May 2024 10:00:00 GMT");
  CHECK(r->final_url == server.url("/feed.xml"));
  CHECK_FALSE(r->permanent_url.has_value());
  auto seen = server.requests();
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].header("user-agent") == std::string("newsdb/") + kVersion);
  CHECK(seen[0].header("if-none-match").empty());
  CHECK_FALSE(seen[0].header("accept-encoding").empty());
}

TEST_CASE("validators are sent back and a 304 comes back without a body", "[net][http]") {
  test::HttpServer server;
  server.route("/etag", {.body = "<rss/>", .etag = "\"v7\""});
  server.route("/modified", {.body = "<rss/>", .last_modified = "Wed, 01 May 2024 10:00:00 GMT"});

  auto by_etag = fetch_one({server.url("/etag"), "\"v7\"", std::nullopt});
  REQUIRE(by_etag.has_value());
  CHECK(by_etag->status == 304);
  CHECK(by_etag->body.empty());

  auto by_date = fetch_one({server.url("/modified"), std::nullopt, "Wed, 01 May 2024 10:00:00 GMT"});
  REQUIRE(by_date.has_value());
  CHECK(by_date->status == 304);

  auto seen = server.requests();
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].header("if-none-match") == "\"v7\"");
  CHECK(seen[1].header("if-modified-since") == "Wed, 01 May 2024 10:00:00 GMT");

  // A stale validator gets the whole body.
  auto stale = fetch_one({server.url("/etag"), "\"v6\"", std::nullopt});
  REQUIRE(stale.has_value());
  CHECK(stale->status == 200);
  CHECK(stale->body == "<rss/>");
}

TEST_CASE("a gzipped response is decoded", "[net][http]") {
  test::HttpServer server;
  std::string body(20000, 'a');
  server.route("/big.xml", {.body = body, .gzip = true});
  auto r = fetch_one({server.url("/big.xml")});
  REQUIRE(r.has_value());
  CHECK(r->body == body);
  CHECK(server.requests()[0].header("accept-encoding").find("gzip") != std::string::npos);
}

TEST_CASE("permanent redirects are followed and reported, a temporary hop ends the chain",
          "[net][http]") {
  test::HttpServer server;
  server.route("/new.xml", {.body = "<rss/>"});
  server.redirect("/old.xml", "/new.xml", 301);
  server.redirect("/older.xml", server.url("/old.xml"), 308);
  server.redirect("/temp.xml", "/new.xml", 302);
  server.redirect("/temp-then-perm.xml", "/old.xml", 307);

  auto perm = fetch_one({server.url("/older.xml")});
  REQUIRE(perm.has_value());
  CHECK(perm->status == 200);
  CHECK(perm->body == "<rss/>");
  CHECK(perm->final_url == server.url("/new.xml"));
  CHECK(perm->permanent_url == server.url("/new.xml"));

  auto temp = fetch_one({server.url("/temp.xml")});
  REQUIRE(temp.has_value());
  CHECK(temp->final_url == server.url("/new.xml"));
  CHECK_FALSE(temp->permanent_url.has_value());

  auto mixed = fetch_one({server.url("/temp-then-perm.xml")});
  REQUIRE(mixed.has_value());
  CHECK(mixed->status == 200);
  CHECK_FALSE(mixed->permanent_url.has_value());
}

TEST_CASE("redirect loops and long chains stop", "[net][http]") {
  test::HttpServer server;
  server.redirect("/a", "/b");
  server.redirect("/b", "/a");
  for (int i = 0; i < 10; ++i) {
    server.redirect("/hop" + std::to_string(i), "/hop" + std::to_string(i + 1), 302);
  }
  auto loop = fetch_one({server.url("/a")});
  REQUIRE_FALSE(loop.has_value());
  CHECK(loop.error().kind == ErrorKind::kNetwork);
  CHECK_THAT(loop.error().message, Catch::Contains("redirect loop"));
  CHECK(server.hits("/a") == 1);
  CHECK(server.hits("/b") == 1);

  auto options = test_options();
  options.max_redirects = 3;
  auto chain = fetch_one({server.url("/hop0")}, options);
  REQUIRE_FALSE(chain.has_value());
  CHECK_THAT(chain.error().message, Catch::Contains("too many redirects"));
  CHECK(server.hits("/hop4") == 0);
}

TEST_CASE("a redirect to another scheme is not followed", "[net][http]") {
  test::HttpServer server;
  server.redirect("/ftp", "ftp://127.0.0.1/feed.xml");
  auto r = fetch_one({server.url("/ftp")});
  REQUIRE_FALSE(r.has_value());
  CHECK_THAT(r.error().message, Catch::Contains("Location"));
}

TEST_CASE("a stalling server times out once: a time-out is not retried within the run",
          "[net][http]") {
  test::HttpServer server;
  server.route("/stall", {.body = "<rss/>", .stall = 10s});
  auto options = test_options();
  options.total_timeout = 300ms;
  options.max_retries = 2;
  options.retry_delay = 500ms;
  auto started = std::chrono::steady_clock::now();
  auto r = fetch_one({server.url("/stall")}, options);
  auto took = std::chrono::steady_clock::now() - started;
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().message == "timed out (no complete answer within 300 ms)");
  CHECK(server.hits("/stall") == 1);
  CHECK(took >= 300ms);
  // Retried, it would take 3 x 300 ms plus 500 ms and 1 s of delays.
  CHECK(took < 900ms);
}

TEST_CASE("a host that never accepts the connection hits the connect timeout, not the total one",
          "[net][http]") {
  test::UnansweredPort port;
  if (port.connects()) {
    WARN("this machine completes connects to a full listen backlog; connect timeout not tested");
    return;
  }
  auto options = test_options();
  options.connect_timeout = 300ms;
  options.total_timeout = 10s;
  options.max_retries = 1;
  auto started = std::chrono::steady_clock::now();
  auto r = fetch_one({port.url("/feed.xml")}, options);
  auto took = std::chrono::steady_clock::now() - started;
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().message == "timed out connecting (no connection within 300 ms)");
  CHECK(took >= 300ms);  // one attempt of 300 ms: a time-out is not retried
  CHECK(took < 3s);      // far less than one total timeout
}

TEST_CASE("a 500 is retried with backoff and a later success is returned", "[net][http]") {
  test::HttpServer server;
  server.route_sequence("/flaky", {{.status = 500, .body = "oops"},
                                   {.status = 502, .body = "oops"},
                                   {.body = "<rss/>"}});
  auto options = test_options();
  options.retry_delay = 100ms;
  auto started = std::chrono::steady_clock::now();
  auto r = fetch_one({server.url("/flaky")}, options);
  auto took = std::chrono::steady_clock::now() - started;
  REQUIRE(r.has_value());
  CHECK(r->status == 200);
  CHECK(r->attempts == 3);
  CHECK(server.hits("/flaky") == 3);
  CHECK(took >= 300ms);  // waited 100 ms, then 200 ms
}

TEST_CASE("a 500 that persists comes back as the last response after the retries",
          "[net][http]") {
  test::HttpServer server;
  server.route("/down", {.status = 500, .body = "oops"});
  auto r = fetch_one({server.url("/down")});
  REQUIRE(r.has_value());
  CHECK(r->status == 500);
  CHECK(r->attempts == 3);
  CHECK(server.hits("/down") == 3);
}

TEST_CASE("429 and 503 with Retry-After come back at once for the caller to schedule",
          "[net][http]") {
  test::HttpServer server;
  server.route("/busy", {.status = 429, .body = "slow down", .headers = {{"Retry-After", "120"}}});
  server.route("/maint", {.status = 503, .body = "later", .headers = {{"Retry-After", "60"}}});
  auto r = fetch({{server.url("/busy")}, {server.url("/maint")}});
  REQUIRE(r[0].has_value());
  CHECK(r[0]->status == 429);
  CHECK(r[0]->retry_after == "120");
  REQUIRE(r[1].has_value());
  CHECK(r[1]->status == 503);
  CHECK(r[1]->retry_after == "60");
  CHECK(server.hits("/busy") == 1);
  CHECK(server.hits("/maint") == 1);
}

TEST_CASE("a body over the cap is refused, with or without Content-Length", "[net][http]") {
  test::HttpServer server;
  std::string big(300 * 1024, 'x');
  server.route("/sized", {.body = big});
  server.route("/unsized", {.body = big, .omit_length = true});
  server.route("/bomb", {.body = std::string(4 << 20, ' '), .gzip = true});
  auto options = test_options();
  options.max_body_bytes = 256 * 1024;
  auto r = fetch({{server.url("/sized")}, {server.url("/unsized")}, {server.url("/bomb")}}, options);
  for (auto& one : r) {
    REQUIRE_FALSE(one.has_value());
    CHECK_THAT(one.error().message, Catch::Contains("larger than the 256 KiB limit"));
  }
  CHECK(server.hits("/sized") == 1);  // not retried
}

TEST_CASE("a refused connection is an error naming the cause", "[net][http]") {
  auto r = fetch_one({test::refused_url("/feed.xml")});
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().kind == ErrorKind::kNetwork);
  CHECK_THAT(r.error().message, Catch::Contains("onnect"));
}

TEST_CASE("one bad request among good ones does not hold the others back", "[net][http]") {
  test::HttpServer server;
  server.route("/stall", {.body = "late", .stall = 10s});
  for (int i = 0; i < 6; ++i) server.route("/ok" + std::to_string(i), {.body = std::to_string(i)});
  std::vector<HttpRequest> requests{{server.url("/stall")}};
  for (int i = 0; i < 6; ++i) requests.push_back({server.url("/ok" + std::to_string(i))});
  auto options = test_options();
  options.total_timeout = 400ms;
  options.max_retries = 0;
  options.max_per_host = 8;
  auto r = fetch(requests, options);
  REQUIRE_FALSE(r[0].has_value());
  for (int i = 0; i < 6; ++i) {
    REQUIRE(r[i + 1].has_value());
    CHECK(r[i + 1]->body == std::to_string(i));
  }
}

TEST_CASE("no more than max_per_host transfers reach one host at once", "[net][http]") {
  test::HttpServer server;
  // Each answer takes 200 ms; with 2 at a time, 6 requests need three rounds.
  for (int i = 0; i < 6; ++i) {
    server.route("/slow" + std::to_string(i), {.body = "x", .stall = 200ms});
  }
  std::vector<HttpRequest> requests;
  for (int i = 0; i < 6; ++i) requests.push_back({server.url("/slow" + std::to_string(i))});
  auto options = test_options();
  options.max_per_host = 2;
  options.max_connections = 8;
  auto started = std::chrono::steady_clock::now();
  auto cpu_before = cpu_time();
  auto r = fetch(requests, options);
  auto took = std::chrono::steady_clock::now() - started;
  auto cpu = cpu_time() - cpu_before;
  for (auto& one : r) REQUIRE(one.has_value());
  CHECK(took >= 600ms);
  CHECK(took < 1500ms);  // and they did run two at a time, not one
  CHECK(cpu < 60ms);     // the queued ones waited without spinning (a spinning loop: ~160 ms)
}

TEST_CASE("no more than max_connections transfers run at once, whatever the hosts",
          "[net][http]") {
  test::HttpServer server;
  for (int i = 0; i < 6; ++i) {
    server.route("/slow" + std::to_string(i), {.body = "x", .stall = 200ms});
  }
  std::vector<HttpRequest> requests;
  for (int i = 0; i < 6; ++i) requests.push_back({server.url("/slow" + std::to_string(i))});
  auto options = test_options();
  options.max_per_host = 8;  // out of the way: only the overall limit holds them back
  options.max_connections = 2;
  auto started = std::chrono::steady_clock::now();
  auto r = fetch(requests, options);
  auto took = std::chrono::steady_clock::now() - started;
  for (auto& one : r) REQUIRE(one.has_value());
  CHECK(took >= 600ms);   // three rounds of two
  CHECK(took < 1500ms);
}

TEST_CASE("checked_http_url accepts web URLs only", "[net][http]") {
  auto ok = checked_http_url(" https://Example.COM/feed.xml ");
  REQUIRE(ok.has_value());
  CHECK(ok->find("example.com") != std::string::npos);
  for (const char* bad : {"feed.xml", "ftp://example.com/feed", "file:///etc/passwd", "http://",
                          "not a url", ""}) {
    INFO(bad);
    auto r = checked_http_url(bad);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind == ErrorKind::kInvalidInput);
  }
}
