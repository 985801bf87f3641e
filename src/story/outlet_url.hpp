// One report's address, whichever of its outlet's hosts serves it: `www.bbc.com/news/x`,
// `www.bbc.co.uk/news/x`, `amp.bbc.co.uk/news/x.amp` and the AMP cache's
// `www-bbc-com.cdn.ampproject.org/c/s/www.bbc.com/news/x` are one key. Pure, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsdb::story {

// "OUTLET/PATH": the host's registrable name without its public suffix (`bbc` for bbc.co.uk and
// bbc.com; a small table of two-label suffixes such as co.uk and com.au) and the path folded to
// lower case, without the query, the fragment, a trailing slash and an AMP ending ("/amp",
// ".amp"). An AMP cache URL (`*.cdn.ampproject.org/c/s/HOST/PATH`) is read as HOST/PATH.
// nullopt when `url` is not http(s), its path is empty or "/" (a front page is no report) or it
// is a live page's (a /live/, /live-blog/, /live-news/ or /live-updates/ segment: many reports).
std::optional<std::string> outlet_url_key(std::string_view url);

}  // namespace newsdb::story
