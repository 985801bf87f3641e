// URL helpers for feeds, on libcurl's RFC 3986 parser: resolving links against a base and
// reading a URL's host.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsdb::net {

// `ref` (absolute, scheme-relative, root-relative or relative) resolved against the absolute URL
// `base`, when the result is an http(s) URL; nullopt otherwise (javascript:, mailto:, malformed).
// Surrounding whitespace in `ref` is ignored; inner spaces are percent-encoded.
std::optional<std::string> resolve_url(std::string_view base, std::string_view ref);

// The host of an absolute URL, lower-cased; nullopt when it has none.
std::optional<std::string> url_host(std::string_view url);

// The host without a leading "www.": what the article format calls a provider's domain.
std::optional<std::string> url_domain(std::string_view url);

}  // namespace newsdb::net
