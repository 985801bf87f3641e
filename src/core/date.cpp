#include <array>
#include <cstdio>
#include <newsdb/date.hpp>

#include "core/text_scan.hpp"

namespace newsdb {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

struct CivilTime {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  int offset_minutes = 0;  // east of UTC
};

std::optional<Timestamp> to_timestamp(const CivilTime& c) {
  if (c.month < 1 || c.month > 12 || c.hour > 23 || c.minute > 59 || c.second > 60) {
    return std::nullopt;
  }
  std::chrono::year_month_day ymd{std::chrono::year{c.year}, std::chrono::month(unsigned(c.month)),
                                  std::chrono::day(unsigned(c.day))};
  if (!ymd.ok()) return std::nullopt;
  // A leap second (:60) is the instant after :59, as RFC 3339 readers usually take it.
  return std::chrono::sys_days{ymd} + hours{c.hour} + minutes{c.minute} + seconds{c.second} -
         minutes{c.offset_minutes};
}

// "Z", "+05:30", "+0530", "+05", "-08:00", "UTC", "GMT" (the whole rest of the text).
bool parse_iso_zone(TextScanner& s, int& offset) {
  if (s.done()) return true;  // no zone: taken as UTC
  s.skip_char(' ');
  if (s.skip_char('Z') || s.skip_char('z') || s.skip_word("UTC") || s.skip_word("GMT")) {
    return s.done();
  }
  char sign = s.peek();
  if (sign != '+' && sign != '-') return false;
  s.advance(1);
  int hh = 0, mm = 0;
  if (!s.digits(2, 2, hh)) return false;
  if (!s.done()) {
    s.skip_char(':');
    if (!s.digits(2, 2, mm)) return false;
  }
  if (hh > 23 || mm > 59 || !s.done()) return false;
  offset = (sign == '-' ? -1 : 1) * (hh * 60 + mm);
  return true;
}

// 2023-11-24, 2023-11-24T05:12:00Z, 2023-11-24 05:12:00.123+05:30, 2023-11-24T05:12Z, ...
std::optional<Timestamp> parse_iso8601(std::string_view text) {
  TextScanner s(text);
  CivilTime c;
  if (!s.digits(4, 4, c.year) || !s.skip_char('-') || !s.digits(2, 2, c.month) ||
      !s.skip_char('-') || !s.digits(2, 2, c.day)) {
    return std::nullopt;
  }
  if (s.done()) return to_timestamp(c);  // date-only: midnight UTC
  if (!(s.skip_char('T') || s.skip_char('t') || s.skip_char(' '))) return std::nullopt;
  if (!s.digits(2, 2, c.hour) || !s.skip_char(':') || !s.digits(2, 2, c.minute)) {
    return std::nullopt;
  }
  if (s.skip_char(':')) {
    if (!s.digits(2, 2, c.second)) return std::nullopt;
    if (s.skip_char('.') || s.skip_char(',')) {
      int ignored = 0;  // fractions are truncated, but must be digits
      if (!s.digits(1, 1, ignored)) return std::nullopt;
      while (!s.done() && is_digit(s.peek())) s.advance(1);
    }
  }
  if (!parse_iso_zone(s, c.offset_minutes)) return std::nullopt;
  return to_timestamp(c);
}

int month_from_name(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (name.size() < 3) return 0;
  for (int i = 0; i < 12; ++i) {
    std::string_view full = kMonths[i];
    // "Nov" or "November" (any case); "Sept" too, as some feeds write it.
    if (name.size() > full.size() || !iequals(name, full.substr(0, name.size()))) continue;
    if (name.size() == 3 || name.size() == full.size() || (i == 8 && name.size() == 4)) {
      return i + 1;
    }
  }
  return 0;
}

// RFC 822 / 2822 zone names as RSS writes them.
std::optional<int> named_zone_offset(std::string_view zone) {
  struct Named {
    std::string_view name;
    int offset;
  };
  static constexpr std::array<Named, 12> kZones = {{{"GMT", 0},
                                                    {"UT", 0},
                                                    {"UTC", 0},
                                                    {"Z", 0},
                                                    {"EST", -300},
                                                    {"EDT", -240},
                                                    {"CST", -360},
                                                    {"CDT", -300},
                                                    {"MST", -420},
                                                    {"MDT", -360},
                                                    {"PST", -480},
                                                    {"PDT", -420}}};
  for (const auto& z : kZones) {
    if (iequals(zone, z.name)) return z.offset;
  }
  return std::nullopt;
}

// [Fri,] 24 Nov 2023 05:12[:00] [GMT|+0000|EST|...]
std::optional<Timestamp> parse_rfc822(std::string_view text) {
  TextScanner s(text);
  CivilTime c;
  if (!s.done() && is_alpha(s.peek())) {  // optional weekday, not checked against the date
    s.take_while(is_alpha);
    s.skip_char(',');
    s.skip_spaces();
  }
  if (!s.digits(1, 2, c.day)) return std::nullopt;
  if (!s.skip_spaces() && !s.skip_char('-')) return std::nullopt;
  c.month = month_from_name(s.take_while(is_alpha));
  if (c.month == 0) return std::nullopt;
  if (!s.skip_spaces() && !s.skip_char('-')) return std::nullopt;
  std::size_t year_start = s.position();
  if (!s.digits(2, 4, c.year)) return std::nullopt;
  std::size_t year_digits = s.position() - year_start;
  if (year_digits == 2) c.year += c.year < 50 ? 2000 : 1900;  // RFC 2822, section 4.3
  if (year_digits == 3) c.year += 1900;
  if (!s.skip_spaces()) return std::nullopt;
  if (!s.digits(1, 2, c.hour) || !s.skip_char(':') || !s.digits(2, 2, c.minute)) {
    return std::nullopt;
  }
  if (s.skip_char(':') && !s.digits(2, 2, c.second)) return std::nullopt;
  s.skip_spaces();
  if (!s.done()) {
    char sign = s.peek();
    if (sign == '+' || sign == '-') {
      s.advance(1);
      int hhmm = 0;
      if (!s.digits(4, 4, hhmm)) return std::nullopt;
      int hh = hhmm / 100, mm = hhmm % 100;
      if (hh > 23 || mm > 59) return std::nullopt;
      c.offset_minutes = (sign == '-' ? -1 : 1) * (hh * 60 + mm);
    } else {
      auto offset = named_zone_offset(s.take_while(is_alpha));
      if (!offset) return std::nullopt;
      c.offset_minutes = *offset;
    }
    s.skip_spaces();
  }
  if (!s.done()) return std::nullopt;
  return to_timestamp(c);
}

// The instants format_timestamp writes as four-digit years, so that what is printed reads back:
// an offset can carry a written date out of them (9999-12-31T23:59:59-14:00 is in year 10000).
constexpr Timestamp kFirstInstant{std::chrono::sys_days{std::chrono::year{1} / 1 / 1}};
constexpr Timestamp kLastInstant{std::chrono::sys_days{std::chrono::year{9999} / 12 / 31} +
                                 hours{23} + minutes{59} + seconds{59}};

std::optional<Timestamp> parse_any_instant(std::string_view text) {
  text = trim_ascii_space(text);
  if (text.size() < 8 || text.size() > 64) return std::nullopt;
  // ISO dates start with four digits; RFC 822 dates with a weekday or a one/two-digit day.
  if (text.size() >= 5 && is_digit(text[0]) && is_digit(text[1]) && is_digit(text[2]) &&
      is_digit(text[3])) {
    return parse_iso8601(text);
  }
  return parse_rfc822(text);
}

}  // namespace

std::expected<Timestamp, DateProblem> read_date(std::string_view text) {
  std::optional<Timestamp> t = parse_any_instant(text);
  if (!t) return std::unexpected(DateProblem::kNotADate);
  if (*t < kFirstInstant || *t > kLastInstant) return std::unexpected(DateProblem::kOutOfRange);
  return *t;
}

std::optional<Timestamp> parse_date(std::string_view text) {
  auto t = read_date(text);
  return t ? std::optional<Timestamp>(*t) : std::nullopt;
}

std::string format_timestamp(Timestamp t) {
  auto day = std::chrono::floor<days>(t);
  std::chrono::year_month_day ymd{day};
  std::chrono::hh_mm_ss hms{t - day};
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", int(ymd.year()),
                unsigned(ymd.month()), unsigned(ymd.day()), int(hms.hours().count()),
                int(hms.minutes().count()), int(hms.seconds().count()));
  return buf;
}

}  // namespace newsdb
