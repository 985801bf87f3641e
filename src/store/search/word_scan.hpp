// The words of a text as both backends and the query parser cut them: maximal runs of letters,
// digits and combining marks (Unicode, decided by glibc's C.UTF-8 tables), as SQLite FTS5's
// unicode61 tokenizer cuts them (configured with the same categories, fts_tokenizer.hpp).
// Invalid UTF-8 separates. Thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

namespace newsdb::search {

// Decodes the UTF-8 sequence at s[i] into `c`; returns its length, 0 when invalid.
std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& c);

// Calls `emit(start, end)` for each word of `text` (byte offsets, end exclusive), in order.
template <typename Emit>
void scan_words(std::string_view text, Emit&& emit);

// Whether the code point is part of a word (a letter, digit or mark).
bool word_char(char32_t c);

// Whether the code point is a combining mark that glibc does not class as alphanumeric (the
// combining diacritics; the vowel signs and tone marks of Thai, Lao, Khmer, Myanmar; kana voicing
// marks): it belongs to the character before it.
bool combining_mark(char32_t c);

template <typename Emit>
void scan_words(std::string_view text, Emit&& emit) {
  std::size_t start = std::string_view::npos;
  for (std::size_t i = 0; i < text.size();) {
    auto b = static_cast<unsigned char>(text[i]);
    std::size_t len = 1;
    bool in_word = false;
    if (b < 0x80) {
      in_word = (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    } else {
      char32_t c = 0;
      len = decode_utf8(text, i, c);
      if (len == 0) {
        len = 1;  // an invalid byte separates
      } else {
        in_word = word_char(c);
      }
    }
    if (in_word && start == std::string_view::npos) start = i;
    if (!in_word && start != std::string_view::npos) {
      emit(start, i);
      start = std::string_view::npos;
    }
    i += len;
  }
  if (start != std::string_view::npos) emit(start, text.size());
}

}  // namespace newsdb::search
