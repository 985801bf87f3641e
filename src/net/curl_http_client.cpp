// The libcurl HttpClient: one multi handle drives every transfer; a queue in front of it enforces
// the overall and per-host limits (curl's own limits would start a transfer's timeout while it
// waits in curl's queue), redirects are followed by hand (to know whether each hop was permanent
// and to stop loops), and retries wait in the same queue with a not-before time.
#include <newsdb/fetch.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <deque>
#include <list>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "net/curl_handles.hpp"
#include "net/feed_text.hpp"
#include "net/url_parts.hpp"

namespace newsdb::net {
namespace {

using SteadyTime = std::chrono::steady_clock::time_point;

constexpr const char* kAccept =
    "application/rss+xml, application/atom+xml, application/feed+json, application/json, "
    "application/x-ndjson, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8";

// One request's journey: attempts, redirect hops, and what came back so far.
struct Transfer {
  std::size_t index = 0;
  const HttpRequest* request = nullptr;
  std::string url;   // the URL of the current hop
  std::string host;  // the current hop's host, for the per-host limit
  CurlEasy easy;
  CurlSlist headers;
  int attempt = 1;
  int redirects = 0;
  bool chain_permanent = true;  // every hop so far was a 301/308
  std::set<std::string> visited;
  SteadyTime not_before{};
  std::size_t body_limit = 0;
  bool too_large = false;
  HttpResponse response;
};

std::string_view trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  if (t->response.body.size() + n > t->body_limit) {
    t->too_large = true;
    return 0;  // makes curl stop with CURLE_WRITE_ERROR
  }
  t->response.body.append(data, n);
  return n;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  std::string_view line(data, n);
  if (line.starts_with("HTTP/")) {
    // A new response (after a 100 Continue, or an interim one): forget the previous headers.
    t->response.content_type.reset();
    t->response.etag.reset();
    t->response.last_modified.reset();
    t->response.retry_after.reset();
    return n;
  }
  auto colon = line.find(':');
  if (colon == std::string_view::npos) return n;
  auto name = trim(line.substr(0, colon));
  auto value = std::string(trim(line.substr(colon + 1)));
  if (iequals(name, "Content-Type")) t->response.content_type = value;
  else if (iequals(name, "ETag")) t->response.etag = value;
  else if (iequals(name, "Last-Modified")) t->response.last_modified = value;
  else if (iequals(name, "Retry-After")) t->response.retry_after = value;
  return n;
}

// Failures worth another attempt within the same run. Not a time-out: a server that did not
// answer within the limit would most likely hold the run for another whole limit; the source's
// next poll is backed off instead (the caller's schedule).
bool is_transient(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
      return true;
    default:
      return false;
  }
}

bool is_redirect(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

class CurlHttpClient final : public HttpClient {
 public:
  explicit CurlHttpClient(HttpOptions options) : options_(std::move(options)) {}

  void fetch_all(std::span<const HttpRequest> requests, const Completion& done) override;

  // Sets `t`'s easy handle up for its current URL and attempt; false when libcurl is out of memory.
  bool configure(Transfer& t);
  // What to do with a transfer curl has finished: complete it (with `out`), or queue its next hop
  // or attempt.
  enum class Next { kComplete, kRequeue };
  Next after_transfer(Transfer& t, CURLcode code, Result<HttpResponse>& out);

 private:
  std::string transfer_error(const Transfer& t, CURLcode code, const char* detail) const;

  HttpOptions options_;
};

bool CurlHttpClient::configure(Transfer& t) {
  if (!t.easy.get()) t.easy = CurlEasy();
  CURL* e = t.easy.get();
  if (!e) return false;
  curl_easy_reset(e);
  t.headers = CurlSlist();
  t.response.body.clear();
  t.too_large = false;
  t.body_limit = options_.max_body_bytes;

  std::string accept = std::string("Accept: ") + kAccept;
  t.headers.append(accept.c_str());
  if (t.request->etag) t.headers.append(("If-None-Match: " + *t.request->etag).c_str());
  if (t.request->last_modified) {
    t.headers.append(("If-Modified-Since: " + *t.request->last_modified).c_str());
  }

  curl_easy_setopt(e, CURLOPT_URL, t.url.c_str());
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // every encoding this libcurl decodes
  curl_easy_setopt(e, CURLOPT_USERAGENT, options_.user_agent.c_str());
  curl_easy_setopt(e, CURLOPT_HTTPHEADER, t.headers.get());
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout.count()));
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.total_timeout.count()));
  curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options_.max_body_bytes));
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(e, CURLOPT_PRIVATE, &t);
  return true;
}

std::string CurlHttpClient::transfer_error(const Transfer& t, CURLcode code,
                                           const char* detail) const {
  if (t.too_large || code == CURLE_FILESIZE_EXCEEDED) {
    return "the response is larger than the " + size_text(options_.max_body_bytes) +
           " limit; refused";
  }
  if (code == CURLE_OPERATION_TIMEDOUT) {
    // No connect time: the connection itself never came up (the host or the path to it is
    // down), which is the connect timeout, not a slow server.
    curl_off_t connected_us = 0;
    curl_easy_getinfo(t.easy.get(), CURLINFO_CONNECT_TIME_T, &connected_us);
    if (connected_us == 0) {
      return "timed out connecting (no connection within " +
             std::to_string(options_.connect_timeout.count()) + " ms)";
    }
    return "timed out (no complete answer within " +
           std::to_string(options_.total_timeout.count()) + " ms)";
  }
  std::string text = curl_easy_strerror(code);
  if (detail && *detail) text += std::string(": ") + detail;
  return text;
}

CurlHttpClient::Next CurlHttpClient::after_transfer(Transfer& t, CURLcode code,
                                                    Result<HttpResponse>& out) {
  long status = 0;
  curl_easy_getinfo(t.easy.get(), CURLINFO_RESPONSE_CODE, &status);
  t.response.status = static_cast<int>(status);
  auto retry_in = [&]() {
    auto delay = options_.retry_delay * (1 << std::min(t.attempt - 1, 16));
    t.not_before = std::chrono::steady_clock::now() + delay;
    ++t.attempt;
    return Next::kRequeue;
  };
  bool can_retry = t.attempt <= options_.max_retries;

  if (code != CURLE_OK) {
    if (is_transient(code) && !t.too_large && can_retry) return retry_in();
    std::string message = transfer_error(t, code, nullptr);
    if (t.attempt > 1) message += " (after " + std::to_string(t.attempt) + " attempts)";
    out = fail(ErrorKind::kNetwork, message);
    return Next::kComplete;
  }

  if (is_redirect(t.response.status)) {
    char* location = nullptr;
    curl_easy_getinfo(t.easy.get(), CURLINFO_REDIRECT_URL, &location);
    std::optional<std::string> target;
    if (location) target = resolve_url(t.url, location);
    if (!target) {
      out = fail(ErrorKind::kNetwork, "HTTP " + std::to_string(t.response.status) +
                                          " redirect without a usable http(s) Location");
      return Next::kComplete;
    }
    if (t.visited.contains(*target)) {
      out = fail(ErrorKind::kNetwork, "redirect loop: " + t.url + " leads back to " + *target);
      return Next::kComplete;
    }
    if (++t.redirects > options_.max_redirects) {
      out = fail(ErrorKind::kNetwork, "too many redirects (more than " +
                                          std::to_string(options_.max_redirects) + ")");
      return Next::kComplete;
    }
    bool permanent = t.response.status == 301 || t.response.status == 308;
    t.chain_permanent = t.chain_permanent && permanent;
    if (t.chain_permanent) t.response.permanent_url = *target;
    t.visited.insert(*target);
    t.url = *target;
    t.host = url_host(t.url).value_or("");
    t.not_before = {};
    return Next::kRequeue;
  }

  bool asks_to_wait = t.response.retry_after &&
                      (t.response.status == 429 || t.response.status == 503);
  if (t.response.status >= 500 && !asks_to_wait && can_retry) return retry_in();

  t.response.final_url = t.url;
  t.response.attempts = t.attempt;
  out = std::move(t.response);
  return Next::kComplete;
}

// One fetch_all call: the transfers, the queue in front of curl, and the limits' bookkeeping.
class MultiRun {
 public:
  MultiRun(CurlHttpClient& client, const HttpOptions& options,
           std::span<const HttpRequest> requests, const HttpClient::Completion& done)
      : client_(client), options_(options), done_(done) {
    for (std::size_t i = 0; i < requests.size(); ++i) {
      auto& t = transfers_.emplace_back();
      t.index = i;
      t.request = &requests[i];
      t.url = requests[i].url;
      t.host = url_host(t.url).value_or("");
      t.visited.insert(t.url);
      waiting_.push_back(&t);
    }
    remaining_ = transfers_.size();
  }

  void run() {
    if (!multi_.get()) {
      for (auto& t : transfers_) finish(t, fail(ErrorKind::kNetwork, "libcurl is out of memory"));
      return;
    }
    while (remaining_ > 0) {
      start_ready();
      int running = 0;
      curl_multi_perform(multi_.get(), &running);
      collect_done();
      if (remaining_ > 0) wait_for_work();
    }
  }

 private:
  bool may_start(const Transfer& t, SteadyTime now) {
    return t.not_before <= now && active_ < options_.max_connections &&
           per_host_[t.host] < options_.max_per_host;
  }

  // Starts, in request order, every waiting transfer the limits allow.
  void start_ready() {
    auto now = std::chrono::steady_clock::now();
    for (auto it = waiting_.begin(); it != waiting_.end();) {
      Transfer& t = **it;
      if (!may_start(t, now)) {
        ++it;
        continue;
      }
      it = waiting_.erase(it);
      if (!client_.configure(t) || curl_multi_add_handle(multi_.get(), t.easy.get()) != CURLM_OK) {
        finish(t, fail(ErrorKind::kNetwork, "libcurl could not start the transfer"));
        continue;
      }
      ++active_;
      ++per_host_[t.host];
    }
  }

  // Takes finished transfers out of curl: each completes, or queues its next hop or attempt.
  void collect_done() {
    int queued = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi_.get(), &queued)) {
      if (msg->msg != CURLMSG_DONE) continue;
      char* owner = nullptr;
      curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &owner);
      auto* t = reinterpret_cast<Transfer*>(owner);
      CURLcode code = msg->data.result;
      curl_multi_remove_handle(multi_.get(), msg->easy_handle);
      --active_;
      --per_host_[t->host];
      Result<HttpResponse> result = fail(ErrorKind::kInternal, "unset");
      if (client_.after_transfer(*t, code, result) == CurlHttpClient::Next::kRequeue) {
        waiting_.push_back(t);
      } else {
        finish(*t, std::move(result));
      }
    }
  }

  // Sleeps until curl has work or the first delayed retry is due (at most a second); returns at
  // once when a waiting transfer may start now.
  void wait_for_work() {
    auto now = std::chrono::steady_clock::now();
    auto wait = std::chrono::milliseconds(1000);
    for (Transfer* t : waiting_) {
      if (may_start(*t, now)) return;
      // Transfers held back by a limit wait for curl's activity; only timers shorten the wait.
      if (t->not_before > now) {
        wait = std::min(wait, std::chrono::ceil<std::chrono::milliseconds>(t->not_before - now));
      }
    }
    curl_multi_poll(multi_.get(), nullptr, 0, static_cast<int>(wait.count()), nullptr);
  }

  void finish(Transfer& t, Result<HttpResponse> result) {
    --remaining_;
    done_(t.index, std::move(result));
    t.easy = CurlEasy{};  // its buffers go now, not at the end of the run
    t.response = HttpResponse{};
  }

  CurlHttpClient& client_;
  const HttpOptions& options_;
  const HttpClient::Completion& done_;
  // Declared before the transfers so that it outlives their easy handles.
  CurlMulti multi_;
  // std::list: curl holds pointers to transfers (CURLOPT_PRIVATE, callback data).
  std::list<Transfer> transfers_;
  std::deque<Transfer*> waiting_;
  std::map<std::string, std::size_t> per_host_;
  std::size_t active_ = 0;
  std::size_t remaining_ = 0;
};

void CurlHttpClient::fetch_all(std::span<const HttpRequest> requests, const Completion& done) {
  MultiRun(*this, options_, requests, done).run();
}

}  // namespace

}  // namespace newsdb::net

namespace newsdb {

std::unique_ptr<HttpClient> make_curl_client(HttpOptions options) {
  return std::make_unique<net::CurlHttpClient>(std::move(options));
}

}  // namespace newsdb
