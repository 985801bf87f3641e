#include "store/name_key.hpp"

#include <locale.h>
#include <wctype.h>

#include <cstdint>

namespace newsdb::store {
namespace {

// glibc's built-in C.UTF-8 locale carries Unicode's simple case mappings. A locale object (not the
// process-wide setlocale) keeps this thread-safe and independent of the user's environment.
locale_t utf8_locale() {
  static const locale_t locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
  return locale;
}

// Decodes one UTF-8 sequence at `s[i]`; returns its length, or 0 when it is not valid.
std::size_t decode(std::string_view s, std::size_t i, char32_t& out) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  std::size_t len = b0 < 0xC2 ? 0 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : b0 < 0xF5 ? 4 : 0;
  if (len == 0 || i + len > s.size()) return 0;
  char32_t c = b0 & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    c = (c << 6) | (byte(i + k) & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (c < kMin[len] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  out = c;
  return len;
}

void encode(char32_t c, std::string& out) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace

std::string name_key(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  locale_t locale = utf8_locale();
  for (std::size_t i = 0; i < name.size();) {
    auto b = static_cast<unsigned char>(name[i]);
    if (b < 0x80) {
      out += static_cast<char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
      ++i;
      continue;
    }
    char32_t c = 0;
    std::size_t len = decode(name, i, c);
    if (len == 0) {
      out += name[i];
      ++i;
      continue;
    }
    if (locale != static_cast<locale_t>(0)) {
      c = static_cast<char32_t>(towlower_l(static_cast<wint_t>(c), locale));
    }
    encode(c, out);
    i += len;
  }
  return out;
}

}  // namespace newsdb::store
