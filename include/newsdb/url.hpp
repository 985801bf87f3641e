// The article's identity: its canonical URL (docs/format.md, "Identity").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsdb {

// Canonical form of an absolute http(s) URL: scheme lower-cased, host lower-cased (a non-ASCII
// host mapped by IDNA/UTS #46 and written in its ASCII `xn--` form: BÜCHER.example and
// bücher.example are one host), the port's leading zeros and the scheme's default port (80, 443)
// dropped, the fragment dropped, tracking parameters (utm_*, fbclid, gclid, ...) removed from the
// query while the order of the others is kept, an empty path written as "/", spaces in the path
// and query written as %20 (as a browser sends them), surrounding whitespace trimmed. Returns
// nullopt when `url` is not an absolute http:// or https:// URL with a host, when its port is not
// a number from 1 to 65535, or when it holds control characters. canonical_url of a canonical URL
// gives it back unchanged.
std::optional<std::string> canonical_url(std::string_view url);

// Whether canonical_url(url) succeeds, without building the canonical form.
bool is_absolute_url(std::string_view url);

}  // namespace newsdb
