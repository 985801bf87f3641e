// A small HTTP/1.1 server on 127.0.0.1 with an ephemeral port, for the network tests: canned
// responses per path, conditional GET (ETag / Last-Modified -> 304), gzip, redirects, stalls,
// and a log of the requests it saw. Every connection is answered and closed (no keep-alive).
//
//   test::HttpServer server;
//   server.route("/feed.xml", {.body = rss, .etag = "\"v1\""});
//   fetch(server.url("/feed.xml"));
//   CHECK(server.hits("/feed.xml") == 1);
//
// Thread-safe; stops and joins its threads in the destructor (a stalling answer is cut short).
// Unknown paths answer 404.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace newsdb::test {

struct CannedResponse {
  int status = 200;
  std::string body;
  std::string content_type = "application/xml";
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers, sent as given
  // When set, sent as ETag, and a request whose If-None-Match carries it gets a 304.
  std::optional<std::string> etag;
  // When set, sent as Last-Modified, and a request whose If-Modified-Since equals it gets a 304.
  std::optional<std::string> last_modified;
  bool gzip = false;  // gzip the body when the request's Accept-Encoding allows it
  bool omit_length = false;  // no Content-Length: the body ends when the connection closes
  std::chrono::milliseconds stall{0};  // wait this long before answering anything
};

struct RecordedRequest {
  std::string method;
  std::string path;
  std::map<std::string, std::string> headers;  // names lower-cased

  // The header's value, or "" when absent.
  std::string header(const std::string& lower_name) const;
};

class HttpServer {
 public:
  // Listens on 127.0.0.1:`port` (0: an ephemeral port, the default for tests).
  explicit HttpServer(int port = 0);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // "http://127.0.0.1:PORT" + path.
  std::string url(std::string_view path) const;
  int port() const { return port_; }

  // Answers `path` (without the query) with `response` from now on.
  void route(const std::string& path, CannedResponse response);
  // Answers the next requests to `path` with these responses in turn; the last one repeats.
  void route_sequence(const std::string& path, std::vector<CannedResponse> responses);
  // Answers `path` with a redirect to `location` (absolute or relative), status 301 by default.
  void redirect(const std::string& path, const std::string& location, int status = 301);

  // Requests seen so far, in arrival order.
  std::vector<RecordedRequest> requests() const;
  std::size_t hits(const std::string& path) const;

 private:
  void accept_loop();
  void serve(int fd);
  CannedResponse response_for(const RecordedRequest& request);

  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;
  std::condition_variable stop_cv_;
  std::map<std::string, std::vector<CannedResponse>> routes_;
  std::map<std::string, std::size_t> served_;
  std::vector<RecordedRequest> log_;
  std::vector<std::thread> workers_;
  std::thread acceptor_;
};

// An http://127.0.0.1:PORT URL on which nothing listens (connections are refused).
std::string refused_url(std::string_view path);

// gzip-compressed `data` (RFC 1952), for tests that serve pre-compressed bodies.
std::string gzip(std::string_view data);

}  // namespace newsdb::test
