#include "story/story_text.hpp"

#include <xxhash.h>

#include <algorithm>
#include <array>

namespace newsdb::story {
namespace {

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// U+2019 RIGHT SINGLE QUOTATION MARK, the apostrophe most headlines use.
constexpr std::string_view kCurlyApostrophe = "\xE2\x80\x99";

// The separators outlets put before their name at the end of a headline.
constexpr std::array<std::string_view, 5> kSuffixSeparators = {" | ", " - ", " \xE2\x80\x93 ",
                                                               " \xE2\x80\x94 ", " :: "};

constexpr std::size_t kMaxSuffixWords = 5;
constexpr std::size_t kMinWordsBeforeSuffix = 3;

// Sorted, for binary search.
constexpr std::array<std::string_view, 60> kStopwords = {
    "a",    "about", "after", "all",  "also", "an",    "and", "are",   "as",   "at",
    "be",   "been",  "but",   "by",   "can",  "could", "did", "do",    "for",  "from",
    "had",  "has",   "have",  "he",   "her",  "his",   "how", "if",    "in",   "into",
    "is",   "it",    "its",   "more", "new",  "not",   "of",  "on",    "or",   "our",
    "over", "says",  "she",   "so",   "than", "that",  "the", "their", "they", "this",
    "to",   "up",    "was",   "we",   "were", "what",  "who", "will",  "with", "you"};

}  // namespace

std::vector<std::string> words(std::string_view text, std::vector<bool>* capitalised) {
  std::vector<std::string> out;
  std::string current;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    bool inside = !current.empty() && i + 1 < text.size();
    if (inside && c == '\'' && is_word_byte(static_cast<unsigned char>(text[i + 1]))) continue;
    if (inside && text.substr(i, kCurlyApostrophe.size()) == kCurlyApostrophe &&
        i + kCurlyApostrophe.size() < text.size() &&
        is_word_byte(static_cast<unsigned char>(text[i + kCurlyApostrophe.size()]))) {
      i += kCurlyApostrophe.size() - 1;
      continue;
    }
    if (is_word_byte(c)) {
      if (current.empty() && capitalised) capitalised->push_back(c >= 'A' && c <= 'Z');
      current.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : text[i]);
    } else if (!current.empty()) {
      out.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

std::string headline_key(std::string_view title) {
  std::size_t cut = std::string_view::npos;
  for (auto sep : kSuffixSeparators) {
    auto at = title.rfind(sep);
    if (at != std::string_view::npos && (cut == std::string_view::npos || at > cut)) cut = at;
  }
  if (cut != std::string_view::npos) {
    auto before = words(title.substr(0, cut));
    auto after = words(title.substr(cut));
    if (after.size() <= kMaxSuffixWords && before.size() >= kMinWordsBeforeSuffix) {
      title = title.substr(0, cut);
    }
  }
  std::string key;
  for (auto& w : words(title)) {
    if (!key.empty()) key.push_back(' ');
    key += w;
  }
  return key;
}

bool is_stopword(std::string_view word) {
  return std::binary_search(kStopwords.begin(), kStopwords.end(), word);
}

std::uint64_t hash_text(std::string_view text, std::uint64_t seed) {
  return XXH3_64bits_withSeed(text.data(), text.size(), seed);
}

}  // namespace newsdb::story
