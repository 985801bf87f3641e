#include <newsdb/date.hpp>
#include <newsdb/fetch_schedule.hpp>

#include <algorithm>
#include <charconv>
#include <cctype>

namespace newsdb {
namespace {

constexpr std::chrono::seconds kMaxDuration = std::chrono::days(3653);

std::optional<std::chrono::seconds> unit_seconds(char unit) {
  switch (unit) {
    case 's': return std::chrono::seconds(1);
    case 'm': return std::chrono::minutes(1);
    case 'h': return std::chrono::hours(1);
    case 'd': return std::chrono::days(1);
    case 'w': return std::chrono::weeks(1);
    default: return std::nullopt;
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<std::chrono::seconds> parse_duration(std::string_view text) {
  text = trim(text);
  if (text.empty()) return std::nullopt;
  std::chrono::seconds total{0};
  while (!text.empty()) {
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end == text.data() + text.size()) return std::nullopt;
    auto unit = unit_seconds(static_cast<char>(std::tolower(static_cast<unsigned char>(*end))));
    if (!unit || n < 0 || n > kMaxDuration / *unit) return std::nullopt;
    total += *unit * n;
    if (total > kMaxDuration) return std::nullopt;
    text.remove_prefix(static_cast<std::size_t>(end - text.data()) + 1);
  }
  if (total <= std::chrono::seconds(0)) return std::nullopt;
  return total;
}

std::string format_duration(std::chrono::seconds d) {
  if (d <= std::chrono::seconds(0)) return "0s";
  std::string out;
  for (char unit : {'w', 'd', 'h', 'm', 's'}) {
    auto size = *unit_seconds(unit);
    if (d >= size) {
      out += std::to_string(d / size) + unit;
      d %= size;
    }
  }
  return out;
}

std::chrono::seconds backoff_delay(std::chrono::seconds every, std::int64_t failures) {
  std::chrono::seconds delay = std::max(every, std::chrono::seconds(1));
  // Doubling stops at the cap, so the loop runs at most ~17 times and never overflows.
  for (std::int64_t i = 1; i < failures && delay < kMaxBackoff; ++i) delay *= 2;
  return std::min(delay, kMaxBackoff);
}

std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, Timestamp now) {
  value = trim(value);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc()) return kMaxDuration;  // absurdly large: callers cap it
    return std::chrono::seconds(n);
  }
  auto when = parse_date(value);
  if (!when) return std::nullopt;
  return std::max(std::chrono::seconds(0), *when - now);
}

}  // namespace newsdb
