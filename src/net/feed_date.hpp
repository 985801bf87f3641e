// Dates as feeds write them, on top of parse_date (<newsdb/date.hpp>, which reads RFC 3339 and
// RFC 822 as the article format accepts them): W3CDTF of reduced precision (`2003` is
// 2003-01-01, `2003-12` is 2003-12-01, midnight UTC), RFC 822 without a time (midnight UTC), with
// a colon in its offset (`+00:00`, `-01:01`) or a trailing comment (`+0100 (CET)`), and asctime
// (`Sun Jan  4 16:29:06 2004`, UTC, or with a zone before the year). Anything that would need a
// guess (a zone name it does not know, an impossible day) is not a date: callers fall back
// rather than store a wrong instant.
#pragma once

#include <newsdb/article.hpp>
#include <optional>
#include <string_view>

namespace newsdb::net {

std::optional<Timestamp> parse_feed_date(std::string_view text);

}  // namespace newsdb::net
