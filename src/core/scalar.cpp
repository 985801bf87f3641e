#include "core/scalar.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "core/text_scan.hpp"

namespace newsdb {

bool is_plain_null(std::string_view t) {
  return t.empty() || t == "~" || t == "null" || t == "Null" || t == "NULL";
}

std::optional<bool> plain_bool(std::string_view t) {
  if (t == "true" || t == "True" || t == "TRUE") return true;
  if (t == "false" || t == "False" || t == "FALSE") return false;
  return std::nullopt;
}

std::optional<bool> plain_bool_lenient(std::string_view t) {
  if (auto b = plain_bool(t)) return b;
  if (iequals(t, "yes") || iequals(t, "on")) return true;
  if (iequals(t, "no") || iequals(t, "off")) return false;
  return std::nullopt;
}

IntParse parse_plain_int(std::string_view t, std::int64_t& value) {
  bool negative = false;
  std::string_view digits = t;
  if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) {
    negative = digits[0] == '-';
    digits.remove_prefix(1);
  }
  unsigned base = 10;
  if (digits.size() > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'o')) {
    base = digits[1] == 'x' ? 16 : 8;
    digits.remove_prefix(2);
  }
  if (digits.empty()) return IntParse::kNotAnInteger;
  // Accumulate the magnitude in uint64 so INT64_MIN is representable.
  constexpr std::uint64_t kMaxMagnitude =
      std::uint64_t(std::numeric_limits<std::int64_t>::max()) + 1;
  std::uint64_t magnitude = 0;
  bool overflow = false;
  for (char c : digits) {
    unsigned d;
    if (is_digit(c)) {
      d = unsigned(c - '0');
    } else if (base == 16 && to_lower_ascii(c) >= 'a' && to_lower_ascii(c) <= 'f') {
      d = unsigned(to_lower_ascii(c) - 'a' + 10);
    } else {
      return IntParse::kNotAnInteger;
    }
    if (d >= base) return IntParse::kNotAnInteger;
    if (magnitude > (kMaxMagnitude - d) / base) overflow = true;
    if (!overflow) magnitude = magnitude * base + d;
  }
  if (overflow || magnitude > kMaxMagnitude || (!negative && magnitude == kMaxMagnitude)) {
    return IntParse::kOutOfRange;
  }
  value = negative ? std::int64_t(0 - magnitude) : std::int64_t(magnitude);
  return IntParse::kOk;
}

std::optional<double> plain_float(std::string_view t) {
  TextScanner s(t);
  if (!s.skip_char('-')) s.skip_char('+');
  std::size_t int_digits = s.take_while(is_digit).size();
  std::size_t frac_digits = 0;
  if (s.skip_char('.')) frac_digits = s.take_while(is_digit).size();
  if (int_digits + frac_digits == 0) return std::nullopt;
  if (s.skip_char('e') || s.skip_char('E')) {
    if (!s.skip_char('-')) s.skip_char('+');
    if (s.take_while(is_digit).empty()) return std::nullopt;
  }
  if (!s.done()) return std::nullopt;
  std::string copy(t);  // strtod needs a terminated string; plain floats are rare
  errno = 0;
  double v = std::strtod(copy.c_str(), nullptr);
  if (errno == ERANGE) return std::nullopt;
  return v;
}

std::string quote_for_message(std::string_view text) {
  constexpr std::size_t kMaxShown = 60;
  std::string out = "\"";
  std::size_t shown = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    // Stop at a character boundary (not inside a UTF-8 sequence) once enough is shown.
    if (shown >= kMaxShown && (c & 0xC0) != 0x80) {
      out += "...";
      break;
    }
    if (c == '"' || c == '\\') {
      out += '\\';
      out += char(c);
    } else if (c < 0x20 || c == 0x7f) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += char(c);
    }
    if ((c & 0xC0) != 0x80) ++shown;
  }
  out += '"';
  return out;
}

std::string describe_event(const Event& e) {
  switch (e.type) {
    case EventType::kMappingStart:
      return "a mapping";
    case EventType::kSequenceStart:
      return "a list";
    case EventType::kScalar:
      break;
    default:
      return "nothing";
  }
  switch (e.scalar) {
    case ScalarType::kPlain:
      if (is_plain_null(e.text)) return "null";
      if (std::int64_t v; plain_bool(e.text) || plain_float(e.text) ||
                          parse_plain_int(e.text, v) != IntParse::kNotAnInteger) {
        return std::string(e.text.substr(0, 40));  // self-evidently not text
      }
      return quote_for_message(e.text);
    case ScalarType::kString:
      return quote_for_message(e.text);
    case ScalarType::kNull:
      return "null";
    case ScalarType::kBool:
      return e.bool_value ? "true" : "false";
    case ScalarType::kInt:
      return std::to_string(e.int_value);
    case ScalarType::kUnsigned:
      return std::to_string(e.unsigned_value);
    case ScalarType::kFloat: {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.17g", e.float_value);
      return buf;
    }
  }
  return "a value";
}

}  // namespace newsdb
