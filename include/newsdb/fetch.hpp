// HTTP GET for feeds (docs/feeds.md): the network as a small interface, and its libcurl
// implementation, one curl multi loop for all transfers.
//
// What the curl client guarantees, per request:
// - at most HttpOptions::max_connections transfers at once, and max_per_host to one host;
// - a conditional GET when the request carries validators (If-None-Match, If-Modified-Since);
// - compressed transfer (gzip, deflate, whatever libcurl was built with), decoded before the
//   size cap is applied, so a small compressed bomb is refused like a large body;
// - connect and total timeouts; redirects followed by hand, at most max_redirects, a loop stops
//   at once, and only http/https targets are followed;
// - retries, on 5xx (except a 503 with Retry-After) and on connection failures (refused, reset,
//   nothing received), after retry_delay, doubling each time, at most max_retries times; a
//   429/503 with Retry-After is returned at once for the caller to schedule;
// - a time-out (connecting, or the whole answer) is never retried: it fails the request after
//   one attempt, so a server that never answers costs one timeout, and the caller backs the
//   source off for its next run;
// - a User-Agent of "newsdb/<version>".
// Only http and https URLs are fetched. No header exposes curl.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <newsdb/error.hpp>
#include <newsdb/version.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace newsdb {

struct HttpOptions {
  std::string user_agent = std::string("newsdb/") + kVersion;
  std::size_t max_connections = 8;
  std::size_t max_per_host = 2;
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{30'000};  // per request, redirects included
  int max_redirects = 5;
  std::size_t max_body_bytes = 16u << 20;  // after decompression
  int max_retries = 2;
  std::chrono::milliseconds retry_delay{1'000};
};

struct HttpRequest {
  std::string url;
  std::optional<std::string> etag;           // sent as If-None-Match
  std::optional<std::string> last_modified;  // sent as If-Modified-Since
};

// A response that came back, whatever its status.
struct HttpResponse {
  int status = 0;
  std::string final_url;  // where the body came from, after redirects: the base for links
  // Where a chain of permanent redirects (301, 308) from the requested URL leads, when the
  // request was redirected permanently; a temporary hop anywhere before ends the chain.
  std::optional<std::string> permanent_url;
  std::string body;  // decoded (no Content-Encoding left)
  std::optional<std::string> content_type;
  std::optional<std::string> etag;
  std::optional<std::string> last_modified;
  std::optional<std::string> retry_after;  // the raw header value
  int attempts = 1;                        // 1 + the retries it took
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;

  // Called once per request, in completion order, on the caller's thread, as each finishes.
  // An Error (kind kNetwork) says why no usable response came back: a timeout, a refused
  // connection, a redirect loop, a body over the cap.
  using Completion = std::function<void(std::size_t index, Result<HttpResponse> response)>;

  // Fetches every request and returns when all have completed. Never throws.
  virtual void fetch_all(std::span<const HttpRequest> requests, const Completion& done) = 0;
};

// The libcurl client.
std::unique_ptr<HttpClient> make_curl_client(HttpOptions options = {});

// "HTTP 404 Not Found" and the like: the status and, for the common ones, its reason phrase.
std::string http_status_text(int status);

// `url` as the source registry keys it: an absolute http(s) URL with a host, canonicalised
// (url.hpp). kInvalidInput with a message saying what is wrong otherwise.
Result<std::string> checked_http_url(std::string_view url);

}  // namespace newsdb
