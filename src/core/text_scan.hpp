// Small ASCII helpers for the hand-written scanners (dates, URLs, YAML scalars). No locale, no
// allocation, no regex: these sit on the parser's hot path.
#pragma once

#include <cstddef>
#include <string_view>

namespace newsdb {

constexpr bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
constexpr bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr char to_lower_ascii(char c) {
  return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}
constexpr bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

constexpr bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (to_lower_ascii(a[i]) != to_lower_ascii(b[i])) return false;
  }
  return true;
}

// A file-name ending in any case: `A.NDJSON` and `dump.TAR.GZ` are what they say.
constexpr bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && iequals(text.substr(text.size() - suffix.size()), suffix);
}

constexpr std::string_view trim_ascii_space(std::string_view s) {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

// A cursor over a string_view. Every skip_/digits call either consumes what it matched and
// returns true, or consumes nothing and returns false.
class TextScanner {
 public:
  explicit constexpr TextScanner(std::string_view text) : text_(text) {}

  constexpr bool done() const { return pos_ >= text_.size(); }
  constexpr char peek() const { return done() ? '\0' : text_[pos_]; }
  constexpr std::size_t position() const { return pos_; }
  constexpr void advance(std::size_t n) { pos_ += n; }

  constexpr bool skip_char(char c) {
    if (peek() != c || done()) return false;
    ++pos_;
    return true;
  }
  // Case-insensitive literal.
  constexpr bool skip_word(std::string_view word) {
    if (text_.size() - pos_ < word.size() || !iequals(text_.substr(pos_, word.size()), word)) {
      return false;
    }
    pos_ += word.size();
    return true;
  }
  // One or more spaces or tabs.
  constexpr bool skip_spaces() {
    std::size_t start = pos_;
    while (!done() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
    return pos_ > start;
  }
  // Between min and max decimal digits (as many as there are, up to max), as an int.
  constexpr bool digits(int min, int max, int& value) {
    int n = 0, v = 0;
    while (n < max && pos_ + n < text_.size() && is_digit(text_[pos_ + n])) {
      v = v * 10 + (text_[pos_ + n] - '0');
      ++n;
    }
    if (n < min) return false;
    pos_ += n;
    value = v;
    return true;
  }
  template <typename Pred>
  constexpr std::string_view take_while(Pred pred) {
    std::size_t start = pos_;
    while (!done() && pred(text_[pos_])) ++pos_;
    return text_.substr(start, pos_ - start);
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace newsdb
