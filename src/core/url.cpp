#include <newsdb/url.hpp>

#include <array>

#include "core/text_scan.hpp"

namespace newsdb {
namespace {

// Query parameters that only say where a click came from. Matched ignoring case; `utm_` is a
// prefix. Deliberately short: dropping a parameter that selects content (`?v=`, `?id=`, `?page=`)
// would merge different articles, which is worse than keeping two copies of one.
constexpr std::array<std::string_view, 16> kTrackingParameters = {
    "fbclid", "gclid",  "dclid",  "gbraid", "wbraid",  "msclkid", "yclid",     "twclid",
    "ttclid", "igshid", "mc_cid", "mc_eid", "_hsenc",  "_hsmi",   "mkt_tok",   "li_fat_id"};

bool is_tracking_parameter(std::string_view name) {
  if (name.size() >= 4 && iequals(name.substr(0, 4), "utm_")) return true;
  for (std::string_view t : kTrackingParameters) {
    if (iequals(name, t)) return true;
  }
  return false;
}

bool is_scheme_char(char c) { return is_alpha(c) || is_digit(c) || c == '+' || c == '-' || c == '.'; }

// host[:port] with the host lower-cased and the scheme's default port dropped.
std::optional<std::string> canonical_host_port(std::string_view hostport, std::string_view scheme) {
  std::string_view host = hostport, port;
  if (hostport.starts_with('[')) {  // IPv6 literal
    std::size_t close = hostport.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    host = hostport.substr(0, close + 1);
    std::string_view rest = hostport.substr(close + 1);
    if (!rest.empty()) {
      if (rest[0] != ':') return std::nullopt;
      port = rest.substr(1);
    }
  } else if (std::size_t colon = hostport.rfind(':'); colon != std::string_view::npos) {
    host = hostport.substr(0, colon);
    port = hostport.substr(colon + 1);
  }
  if (host.empty() || host == "[]") return std::nullopt;
  for (char c : port) {
    if (!is_digit(c)) return std::nullopt;
  }
  std::string out;
  out.reserve(hostport.size());
  for (char c : host) out += to_lower_ascii(c);
  bool default_port = (scheme == "http" && port == "80") || (scheme == "https" && port == "443");
  if (!port.empty() && !default_port) {
    out += ':';
    out += port;
  }
  return out;
}

// The query without tracking parameters, others in their order; empty when none is left.
std::string filtered_query(std::string_view query) {
  std::string out;
  while (!query.empty()) {
    std::size_t amp = query.find('&');
    std::string_view param = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (param.empty() || is_tracking_parameter(param.substr(0, param.find('=')))) continue;
    if (!out.empty()) out += '&';
    out += param;
  }
  return out;
}

// Real feeds carry URLs with raw spaces in the path ("/Business Wire/..."); a browser sends them
// as %20, so that is their canonical spelling.
void append_encoding_spaces(std::string& out, std::string_view part) {
  for (std::size_t space; (space = part.find(' ')) != std::string_view::npos;) {
    out.append(part.substr(0, space));
    out += "%20";
    part.remove_prefix(space + 1);
  }
  out.append(part);
}

}  // namespace

std::optional<std::string> canonical_url(std::string_view url) {
  url = trim_ascii_space(url);
  std::size_t colon = url.find("://");
  if (colon == std::string_view::npos || colon == 0 || !is_alpha(url[0])) return std::nullopt;
  for (char c : url.substr(0, colon)) {
    if (!is_scheme_char(c)) return std::nullopt;
  }
  for (char c : url) {  // control characters never belong in a URL
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return std::nullopt;
  }
  std::string scheme;
  for (char c : url.substr(0, colon)) scheme += to_lower_ascii(c);

  std::string_view rest = url.substr(colon + 3);
  rest = rest.substr(0, rest.find('#'));
  std::size_t authority_end = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, authority_end);
  rest = authority_end == std::string_view::npos ? std::string_view{} : rest.substr(authority_end);

  std::string_view userinfo;
  if (std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
    userinfo = authority.substr(0, at + 1);
    authority = authority.substr(at + 1);
  }
  if (authority.find(' ') != std::string_view::npos) return std::nullopt;
  auto host = canonical_host_port(authority, scheme);
  if (!host) return std::nullopt;

  std::size_t question = rest.find('?');
  std::string_view path = rest.substr(0, question);
  std::string query =
      question == std::string_view::npos ? std::string{} : filtered_query(rest.substr(question + 1));

  std::string out;
  out.reserve(url.size());
  out += scheme;
  out += "://";
  out += userinfo;
  out += *host;
  append_encoding_spaces(out, path.empty() ? std::string_view("/") : path);
  if (!query.empty()) {
    out += '?';
    append_encoding_spaces(out, query);
  }
  return out;
}

}  // namespace newsdb
