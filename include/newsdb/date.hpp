// Dates as the article format and feeds write them, normalised to UTC seconds.
#pragma once

#include <newsdb/article.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace newsdb {

// Accepts RFC 3339 / ISO 8601 (`Z`, numeric offsets such as +05:30 or +0530, fractional seconds,
// `T` or space separator), date-only (`2023-11-24`, taken as midnight UTC), and RFC 822 / 1123 as
// RSS writes them (`Fri, 24 Nov 2023 05:12:00 GMT`, `+0000`, named US zones, optional weekday,
// two-digit years). Fractions are truncated. Returns nullopt for anything else, including invalid
// calendar dates (Feb 30) and out-of-range fields.
std::optional<Timestamp> parse_date(std::string_view text);

// "YYYY-MM-DDTHH:MM:SSZ".
std::string format_timestamp(Timestamp t);

}  // namespace newsdb
