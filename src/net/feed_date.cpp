#include "net/feed_date.hpp"

#include <newsdb/date.hpp>
#include <string>
#include <vector>

#include "core/text_scan.hpp"

namespace newsdb::net {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!is_digit(c)) return false;
  }
  return true;
}

bool all_alpha(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!is_alpha(c)) return false;
  }
  return true;
}

bool is_time(std::string_view s) {
  return s.size() >= 4 && is_digit(s[0]) && s.find(':') != s.npos;
}

// `2003` and `2003-12`: the first day of that year or month.
std::optional<Timestamp> reduced_w3cdtf(std::string_view text) {
  if (text.size() == 4 && all_digits(text)) return parse_date(std::string(text) + "-01-01");
  if (text.size() == 7 && all_digits(text.substr(0, 4)) && text[4] == '-' &&
      all_digits(text.substr(5))) {
    return parse_date(std::string(text) + "-01");
  }
  return std::nullopt;
}

// Words split at spaces and commas, a trailing "(comment)" dropped.
std::vector<std::string_view> words_of(std::string_view text) {
  if (auto paren = text.find('('); paren != std::string_view::npos && text.back() == ')') {
    text = trim_ascii_space(text.substr(0, paren));
  }
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (is_ascii_space(text[i]) || text[i] == ',')) ++i;
    std::size_t start = i;
    while (i < text.size() && !is_ascii_space(text[i]) && text[i] != ',') ++i;
    if (i > start) out.push_back(text.substr(start, i - start));
  }
  return out;
}

// `+00:00` as RFC 822 writes it (`+0000`); other zones as they are.
std::string rfc822_zone(std::string_view zone) {
  if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    return std::string(zone.substr(0, 3)) + std::string(zone.substr(4));
  }
  return std::string(zone);
}

// The RFC 822 form parse_date reads, from the words of an RFC 822 date with its quirks or of an
// asctime date; nullopt when the words are neither.
std::optional<std::string> as_rfc822(std::vector<std::string_view> w) {
  if (!w.empty() && all_alpha(w[0]) && w[0].size() >= 3 && w.size() >= 3 && !all_alpha(w[1])) {
    w.erase(w.begin());  // a weekday, not checked against the date
  } else if (!w.empty() && all_alpha(w[0]) && w.size() >= 4 && all_alpha(w[1])) {
    w.erase(w.begin());  // asctime's weekday before its month
  }
  std::string day, month, year, time = "00:00:00", zone;
  if (w.size() >= 3 && all_alpha(w[0]) && all_digits(w[1]) && is_time(w[2])) {
    // asctime: Jan 4 16:29:06 [PST] 2004
    month = w[0];
    day = w[1];
    time = w[2];
    if (w.size() == 4 && all_digits(w[3])) {
      year = w[3];
    } else if (w.size() == 5 && all_digits(w[4])) {
      zone = w[3];
      year = w[4];
    } else {
      return std::nullopt;
    }
  } else if (w.size() >= 3 && all_digits(w[0]) && all_alpha(w[1]) && all_digits(w[2])) {
    // RFC 822: 4 Jan 2004 [16:29[:06]] [zone]
    day = w[0];
    month = w[1];
    year = w[2];
    if (w.size() >= 4) {
      if (!is_time(w[3])) return std::nullopt;
      time = w[3];
    }
    if (w.size() == 5) zone = rfc822_zone(w[4]);
    if (w.size() > 5) return std::nullopt;
  } else {
    return std::nullopt;
  }
  std::string out = day + " " + month + " " + year + " " + time;
  if (!zone.empty()) out += " " + zone;
  return out;
}

}  // namespace

std::optional<Timestamp> parse_feed_date(std::string_view text) {
  text = trim_ascii_space(text);
  if (text.empty() || text.size() > 64) return std::nullopt;
  if (auto t = parse_date(text)) return t;
  if (auto t = reduced_w3cdtf(text)) return t;
  if (auto rfc822 = as_rfc822(words_of(text))) return parse_date(*rfc822);
  return std::nullopt;
}

}  // namespace newsdb::net
