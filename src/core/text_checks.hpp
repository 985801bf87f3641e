// Checks every input passes before any parser sees it: valid UTF-8, no NUL bytes. Run over whole
// files, so they are written for speed (8 bytes at a time through ASCII).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "core/record_events.hpp"

namespace newsdb {

// Offset of the first byte that does not begin a valid UTF-8 sequence (overlong forms, surrogates
// and code points above U+10FFFF are invalid), or nullopt when all of `text` is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Both checks in one pass over the text, as every input needs: the first NUL byte when there is
// one (a binary file, whatever else is wrong with it), else the first invalid UTF-8 byte.
struct TextProblem {
  std::size_t offset;
  bool nul;  // true: a NUL byte; false: invalid UTF-8
};
std::optional<TextProblem> find_text_problem(std::string_view text);

// The 1-based line and column (in characters) of byte `offset`, counting lines from `first_line`.
SourceMark mark_at(std::string_view text, std::size_t offset, int first_line = 1);

// mark_at for many offsets into one text, mostly increasing: each call continues from the last,
// so marking every record of a large file costs one pass, not one pass per record.
class MarkCursor {
 public:
  explicit MarkCursor(std::string_view text) : text_(text) {}
  SourceMark at(std::size_t offset);

 private:
  std::string_view text_;
  std::size_t offset_ = 0;
  SourceMark mark_{1, 1};
};

}  // namespace newsdb
