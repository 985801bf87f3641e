#include "support/http_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cctype>
#include <sstream>
#include <stdexcept>

namespace newsdb::test {
namespace {

constexpr std::size_t kMaxRequestBytes = 64 * 1024;
constexpr int kReadTimeoutMs = 5000;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::string reason(int status) {
  switch (status) {
    case 200: return "OK";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 404: return "Not Found";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
  }
}

// Reads until the end of the request head; false on timeout, close, or an oversized head.
bool read_head(int fd, std::string& head) {
  char buf[4096];
  while (head.find("\r\n\r\n") == std::string::npos) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, kReadTimeoutMs) <= 0) return false;
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) return false;
    head.append(buf, static_cast<std::size_t>(n));
    if (head.size() > kMaxRequestBytes) return false;
  }
  return true;
}

RecordedRequest parse_head(const std::string& head) {
  RecordedRequest r;
  std::istringstream in(head);
  std::string line;
  std::getline(in, line);
  std::istringstream first(line);
  std::string target;
  first >> r.method >> target;
  r.path = target.substr(0, target.find('?'));
  while (std::getline(in, line)) {
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    r.headers[lower(trim(line.substr(0, colon)))] = trim(line.substr(colon + 1));
  }
  return r;
}

void send_all(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n <= 0) return;  // the client went away (e.g. it refused an oversized body)
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

bool not_modified(const CannedResponse& c, const RecordedRequest& r) {
  auto none_match = r.header("if-none-match");
  if (c.etag && !none_match.empty()) return none_match.find(*c.etag) != std::string::npos;
  auto since = r.header("if-modified-since");
  return c.last_modified && !since.empty() && since == *c.last_modified;
}

}  // namespace

std::string RecordedRequest::header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? "" : it->second;
}

std::string gzip(std::string_view data) {
  z_stream z{};
  if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  std::string out(deflateBound(&z, data.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("deflate failed");
  return out;
}

HttpServer::HttpServer(int port) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listen_fd_ < 0) throw std::runtime_error("socket() failed");
  int yes = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::listen(listen_fd_, 64) != 0) {
    ::close(listen_fd_);
    throw std::runtime_error("cannot listen on 127.0.0.1");
  }
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  acceptor_ = std::thread([this] { accept_loop(); });
}

HttpServer::~HttpServer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stop_cv_.notify_all();
  acceptor_.join();
  for (auto& w : workers_) w.join();
  ::close(listen_fd_);
}

std::string HttpServer::url(std::string_view path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + std::string(path);
}

void HttpServer::route(const std::string& path, CannedResponse response) {
  route_sequence(path, {std::move(response)});
}

void HttpServer::route_sequence(const std::string& path, std::vector<CannedResponse> responses) {
  std::lock_guard lock(mutex_);
  routes_[path] = std::move(responses);
  served_[path] = 0;
}

void HttpServer::redirect(const std::string& path, const std::string& location, int status) {
  route(path, {.status = status, .body = "moved", .content_type = "text/plain",
               .headers = {{"Location", location}}});
}

std::vector<RecordedRequest> HttpServer::requests() const {
  std::lock_guard lock(mutex_);
  return log_;
}

std::size_t HttpServer::hits(const std::string& path) const {
  std::lock_guard lock(mutex_);
  return static_cast<std::size_t>(std::count_if(
      log_.begin(), log_.end(), [&](const RecordedRequest& r) { return r.path == path; }));
}

void HttpServer::accept_loop() {
  while (!stopping_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    std::lock_guard lock(mutex_);
    workers_.emplace_back([this, fd] { serve(fd); });
  }
}

CannedResponse HttpServer::response_for(const RecordedRequest& request) {
  std::lock_guard lock(mutex_);
  log_.push_back(request);
  auto it = routes_.find(request.path);
  if (it == routes_.end() || it->second.empty()) {
    return {.status = 404, .body = "no such path", .content_type = "text/plain"};
  }
  auto& n = served_[request.path];
  auto i = std::min(n, it->second.size() - 1);
  ++n;
  return it->second[i];
}

void HttpServer::serve(int fd) {
  std::string head;
  if (read_head(fd, head)) {
    RecordedRequest request = parse_head(head);
    CannedResponse c = response_for(request);
    if (c.stall.count() > 0) {
      std::unique_lock lock(mutex_);
      stop_cv_.wait_for(lock, c.stall, [this] { return stopping_.load(); });
    }
    int status = not_modified(c, request) ? 304 : c.status;
    std::string body = status == 304 ? "" : c.body;
    std::string out = "HTTP/1.1 " + std::to_string(status) + " " + reason(status) + "\r\n";
    out += "Connection: close\r\n";
    if (status != 304) out += "Content-Type: " + c.content_type + "\r\n";
    if (c.etag) out += "ETag: " + *c.etag + "\r\n";
    if (c.last_modified) out += "Last-Modified: " + *c.last_modified + "\r\n";
    for (const auto& [name, value] : c.headers) out += name + ": " + value + "\r\n";
    if (c.gzip && status != 304 && request.header("accept-encoding").find("gzip") != std::string::npos) {
      body = gzip(body);
      out += "Content-Encoding: gzip\r\n";
    }
    if (!c.omit_length) out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    out += "\r\n";
    if (request.method != "HEAD") out += body;
    send_all(fd, out);
  }
  ::shutdown(fd, SHUT_RDWR);
  ::close(fd);
}

std::string refused_url(std::string_view path) {
  // Bind an ephemeral port and close it: nothing listens there right after.
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return "http://127.0.0.1:" + std::to_string(ntohs(addr.sin_port)) + std::string(path);
}

}  // namespace newsdb::test
