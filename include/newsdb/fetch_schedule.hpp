// When sources are polled: polling intervals as users write them, and the backoff rules for
// failing sources (docs/feeds.md). The time comes from a Clock (<newsdb/clock.hpp>).
//
// Politeness rules, in one place:
// - a source that answered (200 or 304) is due again `every` later;
// - a source that failed waits every * 2^(failures - 1), at most a day: a source is never given
//   up, and a failing server is never asked more often than a healthy one;
// - a 429 or 503 with Retry-After waits at least what the server asked (capped at a day too).
#pragma once

#include <chrono>
#include <cstdint>
#include <newsdb/article.hpp>
#include <newsdb/clock.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace newsdb {

inline constexpr std::chrono::seconds kMaxBackoff = std::chrono::hours(24);

// "45s", "30m", "2h", "1d", "1w" and sums of them ("1h30m"). Returns nullopt for anything else,
// zero, or more than ten years.
std::optional<std::chrono::seconds> parse_duration(std::string_view text);

// The shortest form parse_duration reads back: 1800s -> "30m", 5400s -> "1h30m", 0 -> "0s".
std::string format_duration(std::chrono::seconds d);

// How long a source polled every `every` waits after its `failures`-th consecutive failure
// (failures >= 1): every * 2^(failures - 1), capped at kMaxBackoff.
std::chrono::seconds backoff_delay(std::chrono::seconds every, std::int64_t failures);

// The delay a Retry-After header value asks for at `now`: delta-seconds ("120") or an HTTP date
// ("Wed, 21 Oct 2015 07:28:00 GMT"; a date in the past is zero). nullopt when unreadable.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, Timestamp now);

}  // namespace newsdb
