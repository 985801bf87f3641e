#include "core/text_checks.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace newsdb {

namespace {

constexpr std::uint64_t kHighBits = 0x8080808080808080ull;
constexpr std::uint64_t kLowBits = 0x0101010101010101ull;

// The length of the valid UTF-8 sequence starting at s[i] (a non-ASCII lead byte), or 0.
std::size_t utf8_sequence_length(const unsigned char* s, std::size_t i, std::size_t n) {
  unsigned char c = s[i];
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
    return 0;
  }
  if (i + length > n || s[i + 1] < lo || s[i + 1] > hi) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if ((s[i + k] & 0xC0) != 0x80) return 0;
  }
  return length;
}

// Scans for invalid UTF-8 and, when `want_nul`, NUL bytes; fills the first of each found.
void scan_text(std::string_view text, bool want_nul, std::optional<std::size_t>& invalid,
               std::optional<std::size_t>& nul) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t n = text.size(), i = 0;
  while (i < n) {
    // Fast path: eight bytes at a time while they are ASCII and not NUL.
    if (i + 8 <= n) {
      std::uint64_t chunk;
      std::memcpy(&chunk, s + i, 8);
      std::uint64_t zero_bytes = (chunk - kLowBits) & ~chunk;
      if (((chunk | zero_bytes) & kHighBits) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned char c = s[i];
    if (c == 0 && want_nul) {
      nul = i;
      return;  // a NUL decides: the input is binary
    }
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = utf8_sequence_length(s, i, n);
    if (length == 0) {
      if (!invalid) invalid = i;
      if (!want_nul) return;
      ++i;
      continue;
    }
    i += length;
  }
}

}  // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  std::optional<std::size_t> invalid, nul;
  scan_text(text, false, invalid, nul);
  return invalid;
}

std::optional<TextProblem> find_text_problem(std::string_view text) {
  std::optional<std::size_t> invalid, nul;
  scan_text(text, true, invalid, nul);
  if (nul) return TextProblem{*nul, true};
  if (invalid) return TextProblem{*invalid, false};
  return std::nullopt;
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
