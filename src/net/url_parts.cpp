#include "net/url_parts.hpp"

#include <algorithm>
#include <cctype>
#include <newsdb/fetch.hpp>
#include <newsdb/url.hpp>

#include "net/curl_handles.hpp"

namespace newsdb::net {
namespace {

constexpr unsigned kParseFlags = CURLU_ALLOW_SPACE | CURLU_NON_SUPPORT_SCHEME;

std::string_view trim(std::string_view s) {
  auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::optional<std::string> get_part(const CurlUrl& url, CURLUPart part, unsigned flags = 0) {
  char* text = nullptr;
  if (curl_url_get(url.get(), part, &text, flags) != CURLUE_OK || !text) return std::nullopt;
  std::string out(text);
  curl_free(text);
  return out;
}

bool is_http_scheme(const CurlUrl& url) {
  auto scheme = get_part(url, CURLUPART_SCHEME);
  return scheme && (*scheme == "http" || *scheme == "https");
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

std::optional<std::string> resolve_url(std::string_view base, std::string_view ref) {
  ref = trim(ref);
  if (ref.empty()) return std::nullopt;
  CurlUrl url;
  if (!url.get()) return std::nullopt;
  std::string ref_text(ref);
  if (!base.empty()) {
    std::string base_text(base);
    if (curl_url_set(url.get(), CURLUPART_URL, base_text.c_str(), kParseFlags) != CURLUE_OK) {
      // An unusable base still lets absolute references through.
      url = CurlUrl();
    }
  }
  if (curl_url_set(url.get(), CURLUPART_URL, ref_text.c_str(), kParseFlags) != CURLUE_OK) {
    return std::nullopt;
  }
  if (!is_http_scheme(url) || !get_part(url, CURLUPART_HOST)) return std::nullopt;
  return get_part(url, CURLUPART_URL);
}

std::optional<std::string> url_host(std::string_view text) {
  CurlUrl url;
  if (!url.get()) return std::nullopt;
  std::string owned(trim(text));
  if (curl_url_set(url.get(), CURLUPART_URL, owned.c_str(), kParseFlags) != CURLUE_OK) {
    return std::nullopt;
  }
  auto host = get_part(url, CURLUPART_HOST);
  if (!host || host->empty()) return std::nullopt;
  return lower(*host);
}

std::optional<std::string> url_domain(std::string_view text) {
  auto host = url_host(text);
  if (host && host->starts_with("www.") && host->size() > 4) host->erase(0, 4);
  return host;
}

}  // namespace newsdb::net

namespace newsdb {

Result<std::string> checked_http_url(std::string_view text) {
  std::string shown(text);
  net::CurlUrl url;
  std::string owned(net::trim(text));
  if (!url.get() ||
      curl_url_set(url.get(), CURLUPART_URL, owned.c_str(), net::kParseFlags) != CURLUE_OK) {
    return fail(ErrorKind::kInvalidInput,
                "'" + shown + "' is not a URL: give an absolute http:// or https:// URL");
  }
  if (!net::is_http_scheme(url)) {
    return fail(ErrorKind::kInvalidInput,
                "'" + shown + "' is not an http:// or https:// URL: only web feeds can be fetched");
  }
  auto host = net::get_part(url, CURLUPART_HOST);
  if (!host || host->empty()) {
    return fail(ErrorKind::kInvalidInput, "'" + shown + "' has no host name");
  }
  auto normal = net::get_part(url, CURLUPART_URL);
  auto canonical = normal ? canonical_url(*normal) : std::nullopt;
  if (!canonical) {
    return fail(ErrorKind::kInvalidInput, "'" + shown + "' is not a valid http(s) URL");
  }
  return *canonical;
}

}  // namespace newsdb
