#include <array>
#include <newsdb/url.hpp>

#include "core/host_name.hpp"
#include "core/text_scan.hpp"

namespace newsdb {
namespace {

// Query parameters that only say where a click came from. Matched ignoring case; `utm_` is a
// prefix. Deliberately short: dropping a parameter that selects content (`?v=`, `?id=`, `?page=`)
// would merge different articles, which is worse than keeping two copies of one.
constexpr std::array<std::string_view, 16> kTrackingParameters = {
    "fbclid", "gclid",  "dclid",  "gbraid", "wbraid", "msclkid", "yclid",   "twclid",
    "ttclid", "igshid", "mc_cid", "mc_eid", "_hsenc", "_hsmi",   "mkt_tok", "li_fat_id"};

bool is_tracking_parameter(std::string_view name) {
  if (name.size() >= 4 && iequals(name.substr(0, 4), "utm_")) return true;
  for (std::string_view t : kTrackingParameters) {
    if (iequals(name, t)) return true;
  }
  return false;
}

bool is_scheme_char(char c) {
  return is_alpha(c) || is_digit(c) || c == '+' || c == '-' || c == '.';
}

// The parts of an absolute URL, as views into it; found without allocating, so checking a URL
// (is_absolute_url) costs no more than a scan.
struct UrlParts {
  std::string_view scheme, userinfo, host, port, path, query;  // userinfo keeps its '@'
};

bool split_host_port(std::string_view hostport, UrlParts& parts) {
  std::string_view host = hostport, port;
  if (hostport.starts_with('[')) {  // IPv6 literal
    std::size_t close = hostport.find(']');
    if (close == std::string_view::npos) return false;
    host = hostport.substr(0, close + 1);
    std::string_view rest = hostport.substr(close + 1);
    if (!rest.empty()) {
      if (rest[0] != ':') return false;
      port = rest.substr(1);
    }
  } else if (std::size_t colon = hostport.rfind(':'); colon != std::string_view::npos) {
    host = hostport.substr(0, colon);
    port = hostport.substr(colon + 1);
  }
  if (host.empty() || host == "[]" || host.find(' ') != std::string_view::npos) return false;
  // A second colon outside an IPv6 literal ("tp::") is no host: accepting it made the result
  // re-read differently (found by url_fuzz), and the identity must be a fixed point.
  if (!host.starts_with('[') && host.find(':') != std::string_view::npos) return false;
  // A port is a number from 1 to 65535 (or empty: the default). Leading zeros are allowed, as
  // URL parsers allow them, and dropped from the canonical form.
  std::size_t port_value = 0;
  for (char c : port) {
    if (!is_digit(c)) return false;
    port_value = port_value * 10 + std::size_t(c - '0');
    if (port_value > 65535) return false;
  }
  if (!port.empty() && port_value == 0) return false;
  parts.host = host;
  parts.port = port;
  return true;
}

std::optional<UrlParts> split_url(std::string_view url) {
  std::size_t colon = url.find("://");
  if (colon == std::string_view::npos || colon == 0 || !is_alpha(url[0])) return std::nullopt;
  for (char c : url.substr(0, colon)) {
    if (!is_scheme_char(c)) return std::nullopt;
  }
  for (char c : url) {  // control characters never belong in a URL
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return std::nullopt;
  }
  UrlParts parts;
  parts.scheme = url.substr(0, colon);
  // Articles are web pages: `javascript://`, `file://` or `ftp://` is no article's address.
  if (!iequals(parts.scheme, "http") && !iequals(parts.scheme, "https")) return std::nullopt;
  std::string_view rest = url.substr(colon + 3);
  rest = rest.substr(0, rest.find('#'));
  std::size_t authority_end = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, authority_end);
  rest = authority_end == std::string_view::npos ? std::string_view{} : rest.substr(authority_end);
  if (std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
    parts.userinfo = authority.substr(0, at + 1);
    authority = authority.substr(at + 1);
  }
  if (!split_host_port(authority, parts)) return std::nullopt;
  std::size_t question = rest.find('?');
  parts.path = rest.substr(0, question);
  if (question != std::string_view::npos) parts.query = rest.substr(question + 1);
  return parts;
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

bool is_absolute_url(std::string_view url) {
  return split_url(trim_ascii_space(url)).has_value();
}

std::optional<std::string> canonical_url(std::string_view url) {
  url = trim_ascii_space(url);
  std::optional<UrlParts> parts = split_url(url);
  if (!parts) return std::nullopt;
  std::string out;
  out.reserve(url.size());
  std::string_view port = parts->port;
  while (port.size() > 1 && port.front() == '0') port.remove_prefix(1);
  bool default_port = (iequals(parts->scheme, "http") && port == "80") ||
                      (iequals(parts->scheme, "https") && port == "443");
  for (char c : parts->scheme) out += to_lower_ascii(c);
  out += "://";
  out += parts->userinfo;
  if (parts->host.starts_with('[')) {
    for (char c : parts->host) out += to_lower_ascii(c);
  } else {
    out += canonical_host(parts->host);
  }
  if (!port.empty() && !default_port) {
    out += ':';
    out += port;
  }
  append_encoding_spaces(out, parts->path.empty() ? std::string_view("/") : parts->path);
  std::string query = filtered_query(parts->query);
  if (!query.empty()) {
    out += '?';
    append_encoding_spaces(out, query);
  }
  return out;
}

}  // namespace newsdb
