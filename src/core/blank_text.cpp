#include "core/blank_text.hpp"

#include <cstdint>

namespace newsdb {
namespace {

bool is_white_space(char32_t c) {
  // Unicode's White_Space property (PropList.txt), all of it.
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

}  // namespace

bool is_blank_text(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    char32_t c = 0;
    std::size_t length = 0;
    if (byte < 0x80) {
      c = byte;
      length = 1;
    } else if ((byte & 0xE0) == 0xC0) {
      c = byte & 0x1F;
      length = 2;
    } else if ((byte & 0xF0) == 0xE0) {
      c = byte & 0x0F;
      length = 3;
    } else {
      return false;  // four-byte characters are never white space, invalid bytes never blank
    }
    if (i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      c = (c << 6) | (next & 0x3F);
    }
    if (!is_white_space(c)) return false;
    i += length;
  }
  return true;
}

}  // namespace newsdb
