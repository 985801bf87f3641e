#include "store/name_key.hpp"

#include <cstdint>

namespace newsdb::store {
namespace {

char32_t lower(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 0x20 : c;
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 0x20;                 // Latin-1
  if (c == 0x130) return 'i';                                                  // İ
  if (c >= 0x100 && c <= 0x137) return c | 1;                                  // Ā..ķ pairs
  if (c >= 0x139 && c <= 0x148) return (c & 1) ? c + 1 : c;                    // Ĺ..ň pairs
  if (c >= 0x14A && c <= 0x177) return c | 1;                                  // Ŋ..ŷ pairs
  if (c == 0x178) return 0xFF;                                                 // Ÿ
  if (c >= 0x179 && c <= 0x17E) return (c & 1) ? c + 1 : c;                    // Ź..ž pairs
  if (c >= 0x386 && c <= 0x38F) {                                              // accented Greek
    switch (c) {
      case 0x386: return 0x3AC;
      case 0x388: return 0x3AD;
      case 0x389: return 0x3AE;
      case 0x38A: return 0x3AF;
      case 0x38C: return 0x3CC;
      case 0x38E: return 0x3CD;
      case 0x38F: return 0x3CE;
      default: return c;
    }
  }
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 0x20;                // Greek
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;                              // Ѐ..Џ
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;                              // А..Я
  if (c >= 0x460 && c <= 0x4FF && c != 0x482 && !(c >= 0x483 && c <= 0x489)) {  // Cyrillic pairs
    if (c == 0x4C0) return 0x4CF;
    if (c >= 0x4C1 && c <= 0x4CE) return (c & 1) ? c + 1 : c;
    return c | 1;
  }
  if (c >= 0x531 && c <= 0x556) return c + 0x30;                              // Armenian
  if (c >= 0x1E00 && c <= 0x1EFF && !(c >= 0x1E96 && c <= 0x1E9F)) return c | 1;  // Latin Ext.
  if (c >= 0xFF21 && c <= 0xFF3A) return c + 0x20;                            // fullwidth A..Z
  return c;
}

void append_utf8(std::string& out, char32_t c) {
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

// Decodes one UTF-8 sequence at s[i]; returns its length, or 0 when it is not valid UTF-8.
std::size_t decode(std::string_view s, std::size_t i, char32_t& c) {
  auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  c = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
  for (std::size_t k = 1; k < n; ++k) {
    auto cont = static_cast<unsigned char>(s[i + k]);
    if ((cont & 0xC0) != 0x80) return 0;
    c = (c << 6) | (cont & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (c < kMin[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;  // overlong, surrogate
  return n;
}

}  // namespace

std::string name_key(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (std::size_t i = 0; i < name.size();) {
    char32_t c = 0;
    std::size_t n = decode(name, i, c);
    if (n == 0) {  // not UTF-8: keep the byte
      out += name[i++];
      continue;
    }
    if (n == 1) {
      out += static_cast<char>(lower(c));
    } else {
      append_utf8(out, lower(c));
    }
    i += n;
  }
  return out;
}

}  // namespace newsdb::store
