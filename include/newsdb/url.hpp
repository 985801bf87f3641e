// The article's identity: its canonical URL (DESIGN.md, "Typed record rules").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsdb {

// Canonical form of an absolute http(s) URL: scheme and host lower-cased, the scheme's default
// port dropped, the fragment dropped, tracking parameters (utm_*, fbclid, gclid, ...) removed from
// the query while the order of the others is kept, an empty path written as "/", spaces in the
// path and query written as %20 (as a browser sends them), surrounding whitespace trimmed. Any
// scheme with a host is accepted (the default-port rule knows http and https). Returns nullopt
// when `url` is not an absolute URL with a scheme and a host, or holds control characters.
std::optional<std::string> canonical_url(std::string_view url);

// Whether canonical_url(url) succeeds, without building the canonical form.
bool is_absolute_url(std::string_view url);

}  // namespace newsdb
