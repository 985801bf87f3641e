// What every response carries, set after its route has run:
//   - security headers: a strict Content-Security-Policy (nothing but this server's own
//     stylesheet, and images over http(s)), nosniff, no framing, no referrer;
//   - a weak ETag over the body as sent (httplib has compressed it by then, so each encoding has
//     its own), and 304 Not Modified with no body when If-None-Match names it;
//   - Cache-Control: pages and API answers are revalidated on every use (the store changes under
//     them: an import is one commit away), compiled-in assets may be kept for a day;
//   - Vary: Accept-Encoding.
#pragma once

#include <httplib.h>

#include <string>
#include <string_view>

namespace newsdb::serve {

inline constexpr std::string_view kContentSecurityPolicy =
    "default-src 'none'; style-src 'self'; img-src http: https:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'";

// W/"<16 hex digits of FNV-1a 64 over body>".
std::string weak_etag(std::string_view body);

void finish_response(const httplib::Request& request, httplib::Response& response);

}  // namespace newsdb::serve
