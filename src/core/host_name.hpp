// The canonical spelling of a URL's host name, the part of an article's identity that names the
// site (url.hpp).
#pragma once

#include <string>
#include <string_view>

namespace newsdb {

// An ASCII host is lower-cased. A host with non-ASCII characters (an internationalised domain
// name) is mapped as browsers map it, by IDNA with the UTS #46 non-transitional mapping (libidn2):
// case folded, NFC-normalised, and written in its ASCII form, so `BÜCHER.example`,
// `bücher.example` and `xn--bcher-kva.example` are all `xn--bcher-kva.example`. The ASCII form is
// the canonical one because it is what DNS and HTTP carry, and what every URL can be written as.
// A non-ASCII host that IDNA refuses (a symbol no domain may hold, a malformed label) is kept as
// written with its ASCII letters lower-cased: still one spelling per host, as before IDNA.
// `host` is the host part alone: no userinfo, no port, not an IPv6 literal.
std::string canonical_host(std::string_view host);

}  // namespace newsdb
