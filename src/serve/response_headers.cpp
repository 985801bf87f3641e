#include "serve/response_headers.hpp"

#include <cstdint>
#include <cstdio>

namespace newsdb::serve {
namespace {

// Whether an If-None-Match value ("*", or a list of entity tags, weak or strong) names `etag`.
// Comparison is weak (RFC 9110 13.1.2): W/ prefixes are ignored on both sides.
bool names_etag(std::string_view header, std::string_view etag) {
  auto opaque = [](std::string_view tag) {
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    return tag;
  };
  std::string_view mine = opaque(etag);
  while (!header.empty()) {
    std::size_t comma = header.find(',');
    std::string_view tag = header.substr(0, comma);
    while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) tag.remove_prefix(1);
    while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.remove_suffix(1);
    if (tag == "*" || opaque(tag) == mine) return true;
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace

std::string weak_etag(std::string_view body) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : body) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  char text[32];
  std::snprintf(text, sizeof text, "W/\"%016llx\"", static_cast<unsigned long long>(hash));
  return text;
}

void finish_response(const httplib::Request& request, httplib::Response& response) {
  response.set_header("Content-Security-Policy", std::string(kContentSecurityPolicy));
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("X-Frame-Options", "DENY");
  response.set_header("Referrer-Policy", "no-referrer");
  response.set_header("Vary", "Accept-Encoding");
  if (!response.has_header("Cache-Control")) response.set_header("Cache-Control", "no-cache");
  if (response.status != 200) return;
  std::string etag = weak_etag(response.body);
  response.set_header("ETag", etag);
  if (request.has_header("If-None-Match") &&
      names_etag(request.get_header_value("If-None-Match"), etag)) {
    response.status = 304;
    response.body.clear();
    // A 304 has no body: the length set for the 200 would make a client wait for bytes.
    response.headers.erase("Content-Length");
    response.headers.erase("Content-Type");
  }
}

}  // namespace newsdb::serve
