#include "core/text_checks.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace newsdb {

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t n = text.size(), i = 0;
  while (i < n) {
    // Fast path: eight ASCII bytes at a time.
    if (i + 8 <= n) {
      std::uint64_t chunk;
      std::memcpy(&chunk, s + i, 8);
      if ((chunk & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t length;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) lo = 0xA0;  // overlong
      if (c == 0xED) hi = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) lo = 0x90;  // overlong
      if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
      return i;
    }
    if (i + length > n || s[i + 1] < lo || s[i + 1] > hi) return i;
    for (std::size_t k = 2; k < length; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
    }
    i += length;
  }
  return std::nullopt;
}

std::optional<std::size_t> find_nul(std::string_view text) {
  const void* p = std::memchr(text.data(), '\0', text.size());
  if (p == nullptr) return std::nullopt;
  return static_cast<std::size_t>(static_cast<const char*>(p) - text.data());
}

namespace {
SourceMark advance(std::string_view text, std::size_t from, std::size_t to, SourceMark mark) {
  for (std::size_t i = from; i < to; ++i) {
    if (text[i] == '\n') {
      ++mark.line;
      mark.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++mark.column;
    }
  }
  return mark;
}
}  // namespace

SourceMark mark_at(std::string_view text, std::size_t offset, int first_line) {
  return advance(text, 0, std::min(offset, text.size()), SourceMark{first_line, 1});
}

SourceMark MarkCursor::at(std::size_t offset) {
  offset = std::min(offset, text_.size());
  if (offset < offset_) {
    offset_ = 0;
    mark_ = SourceMark{1, 1};
  }
  mark_ = advance(text_, offset_, offset, mark_);
  offset_ = offset;
  return mark_;
}

}  // namespace newsdb
