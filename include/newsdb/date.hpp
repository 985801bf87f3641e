// Dates as the article format and feeds write them, normalised to UTC seconds.
#pragma once

#include <expected>
#include <newsdb/article.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace newsdb {

enum class DateProblem {
  kNotADate,    // no form below, an invalid calendar date (Feb 30) or an out-of-range field
  kOutOfRange,  // a date, but its instant in UTC is outside the years 0001-9999
};

// Accepts RFC 3339 / ISO 8601 (`Z`, numeric offsets such as +05:30 or +0530, fractional seconds,
// `T` or space separator), date-only (`2023-11-24`, taken as midnight UTC), and RFC 822 / 1123 as
// RSS writes them (`Fri, 24 Nov 2023 05:12:00 GMT`, `+0000`, named US zones, optional weekday,
// two-digit years). Fractions are truncated. The instant must fall in the years 0001-9999 in
// UTC, the instants format_timestamp writes so that they read back (`9999-12-31T23:59:59-14:00`
// is in year 10000: kOutOfRange).
std::expected<Timestamp, DateProblem> read_date(std::string_view text);

// read_date's instant, or nullopt for either problem.
std::optional<Timestamp> parse_date(std::string_view text);

// "YYYY-MM-DDTHH:MM:SSZ" (for an instant read_date accepts: its years have four digits).
std::string format_timestamp(Timestamp t);

}  // namespace newsdb
