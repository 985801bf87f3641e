// Template body of spaceless_pieces (index_tokens.hpp).
#pragma once

#include <vector>

#include "store/search/word_scan.hpp"

namespace newsdb::search {

template <typename Emit>
bool spaceless_pieces(std::string_view folded, Emit&& emit) {
  // Characters (a code point with the combining marks after it: Thai "ที่" is one), and whether
  // each is spaceless.
  struct Char {
    std::size_t at;
    std::size_t len;
    bool spaceless;
  };
  std::vector<Char> chars;
  for (std::size_t i = 0; i < folded.size();) {
    char32_t c = 0;
    std::size_t len = decode_utf8(folded, i, c);
    if (len == 0) len = 1;
    if (len > 1 && !chars.empty() && combining_mark(c)) {
      chars.back().len += len;
    } else {
      chars.push_back(Char{i, len, len > 1 && spaceless_script(c)});
    }
    i += len;
  }
  for (std::size_t i = 0; i < chars.size();) {
    std::size_t j = i;
    while (j < chars.size() && chars[j].spaceless == chars[i].spaceless) ++j;
    if (!chars[i].spaceless || j - i == 1) {
      std::size_t from = chars[i].at;
      std::size_t to = chars[j - 1].at + chars[j - 1].len;
      if (!emit(folded.substr(from, to - from), from)) return false;
    } else {
      for (std::size_t k = i; k + 1 < j; ++k) {
        std::size_t to = chars[k + 1].at + chars[k + 1].len;
        if (!emit(folded.substr(chars[k].at, to - chars[k].at), chars[k].at)) return false;
      }
    }
    i = j;
  }
  return true;
}

}  // namespace newsdb::search
