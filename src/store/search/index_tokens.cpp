#include "store/search/index_tokens.hpp"

#include <libstemmer.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace newsdb::search {
namespace {

// A joined form spans at most this many words and bytes: longer runs are paths and URLs, which
// nobody types as one token.
constexpr std::size_t kMaxJoinedWords = 6;
constexpr std::size_t kMaxJoinedBytes = 64;
// Words shorter or longer than these are not stemmed: short words hardly inflect (and "us"
// must not become "u"), long ones are codes and hashes.
constexpr std::size_t kMinStemmedBytes = 3;
constexpr std::size_t kMaxStemmedBytes = 40;

bool ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool ascii_letters(std::string_view s) {
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return !s.empty();
}

// A character that may stand before a leading '.' (".NET"): the start of a word, not the end of
// a sentence or a domain.
bool opens(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == '"' || c == '\'' || c == '['; }

// Snowball's English stemmer with a per-thread cache: news text repeats its words (Zipf), so
// most words are stemmed once per import thread. The cache is direct-mapped (a slot per hash, the
// last word stemmed there wins): a hit costs a hash and a compare, and no allocation. sb_stemmer
// is not thread-safe, hence one per thread.
class StemCache {
 public:
  StemCache() : stemmer_(sb_stemmer_new("english", "UTF_8")), slots_(kSlots) {}
  ~StemCache() {
    if (stemmer_) sb_stemmer_delete(stemmer_);
  }
  StemCache(const StemCache&) = delete;
  StemCache& operator=(const StemCache&) = delete;

  // The stem of `word` (ASCII letters, at most kMaxStemmedBytes), valid until the next call;
  // nullopt without a stemmer.
  std::optional<std::string_view> stem(std::string_view word) {
    if (!stemmer_) return std::nullopt;
    char lower[kMaxStemmedBytes];
    std::uint32_t hash = 2166136261u;  // FNV-1a
    for (std::size_t i = 0; i < word.size(); ++i) {
      char c = word[i];
      lower[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      hash = (hash ^ static_cast<unsigned char>(lower[i])) * 16777619u;
    }
    std::string_view key(lower, word.size());
    // Words and stems live in the slot itself: a hit reads one or two cache lines.
    Slot& slot = slots_[hash & (kSlots - 1)];
    if (slot.hash == hash && std::string_view(slot.word, slot.word_size) == key) {
      return std::string_view(slot.stem, slot.stem_size);
    }
    const sb_symbol* out = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(lower),
                                           static_cast<int>(key.size()));
    if (!out) return std::nullopt;
    auto size = static_cast<std::size_t>(sb_stemmer_length(stemmer_));
    if (size > kMaxStemmedBytes) return std::nullopt;  // a stem never grows; but be sure
    slot.hash = hash;
    slot.word_size = static_cast<std::uint8_t>(key.size());
    slot.stem_size = static_cast<std::uint8_t>(size);
    std::copy(key.begin(), key.end(), slot.word);
    std::copy(out, out + size, reinterpret_cast<sb_symbol*>(slot.stem));
    return std::string_view(slot.stem, slot.stem_size);
  }

 private:
  static constexpr std::size_t kSlots = 1 << 14;
  struct Slot {
    std::uint32_t hash = 0;
    std::uint8_t word_size = 0;
    std::uint8_t stem_size = 0;
    char word[kMaxStemmedBytes];
    char stem[kMaxStemmedBytes];
  };
  sb_stemmer* stemmer_;
  std::vector<Slot> slots_;
};

// The stem of an ASCII-letter word, valid until the thread's next stem; nullopt for other words.
std::optional<std::string_view> english_stem_view(std::string_view original) {
  if (original.size() < kMinStemmedBytes || original.size() > kMaxStemmedBytes ||
      !ascii_letters(original)) {
    return std::nullopt;
  }
  thread_local StemCache cache;
  return cache.stem(original);
}

struct Joined {
  std::size_t last = 0;  // the last word it spans
  std::size_t start = 0;
  std::size_t end = 0;
  std::string text;
};

// The joined form that starts at word i, if any (see the header).
std::optional<Joined> joined_at(std::string_view text, std::span<const BaseToken> words,
                                std::size_t i) {
  const BaseToken& first = words[i];  // not in a spaceless script (the caller checked)
  std::size_t j = i;
  bool dots_only = true;
  while (j + 1 < words.size() && j + 1 - i < kMaxJoinedWords &&
         words[j + 1].start == words[j].end + 1 &&
         kJoiners.find(text[words[j].end]) != std::string_view::npos &&
         !has_spaceless(words[j + 1].folded)) {
    dots_only = dots_only && text[words[j].end] == '.';
    ++j;
  }
  std::string_view lead;
  if (first.start >= 1 && text[first.start - 1] == '.' &&
      (first.start == 1 || opens(text[first.start - 2]))) {
    lead = text.substr(first.start - 1, 1);
  }
  std::string_view trail;
  std::size_t after = words[j].end;
  std::size_t marks = 0;
  while (after + marks < text.size() && marks < 3 &&
         (text[after + marks] == '+' || text[after + marks] == '#')) {
    ++marks;
  }
  bool ends = after + marks == text.size() || !ascii_alnum(text[after + marks]);
  if (marks > 0 && ends) {
    trail = text.substr(after, marks);
  } else if (j > i && dots_only && after < text.size() && text[after] == '.') {
    // An abbreviation of single letters (U.S., U.K., e.g.) keeps its final dot.
    bool letters = true;
    for (std::size_t k = i; k <= j; ++k) letters = letters && words[k].end - words[k].start == 1;
    if (letters) trail = text.substr(after, 1);
  }
  if (j == i && lead.empty() && trail.empty()) return std::nullopt;
  Joined out;
  out.last = j;
  out.start = first.start - lead.size();
  out.end = words[j].end + trail.size();
  out.text.assign(lead);
  for (std::size_t k = i; k <= j; ++k) {
    if (k > i) out.text += text[words[k - 1].end];
    out.text.append(words[k].folded);
  }
  out.text.append(trail);
  if (out.text.size() > kMaxJoinedBytes) return std::nullopt;
  return out;
}

}  // namespace

bool spaceless_script(char32_t c) {
  return (c >= 0x0E00 && c <= 0x0EFF) ||    // Thai, Lao
         (c >= 0x1000 && c <= 0x109F) ||    // Myanmar
         (c >= 0x1100 && c <= 0x11FF) ||    // Hangul Jamo
         (c >= 0x1780 && c <= 0x17FF) ||    // Khmer
         (c >= 0x2E80 && c <= 0x2FDF) ||    // CJK radicals
         (c >= 0x3005 && c <= 0x3007) || (c >= 0x3021 && c <= 0x3029) ||
         (c >= 0x3031 && c <= 0x303C) ||    // iteration marks, Hangzhou numerals
         (c >= 0x3040 && c <= 0x30FF) ||    // Hiragana, Katakana
         (c >= 0x3130 && c <= 0x318F) ||    // Hangul compatibility Jamo
         (c >= 0x31F0 && c <= 0x31FF) ||    // Katakana extensions
         (c >= 0x3400 && c <= 0x4DBF) ||    // CJK extension A
         (c >= 0x4E00 && c <= 0x9FFF) ||    // CJK unified ideographs
         (c >= 0xA960 && c <= 0xA97F) ||    // Hangul Jamo extended A
         (c >= 0xAC00 && c <= 0xD7FF) ||    // Hangul syllables, Jamo extended B
         (c >= 0xF900 && c <= 0xFAFF) ||    // CJK compatibility ideographs
         (c >= 0xFF66 && c <= 0xFFDC) ||    // half-width Katakana and Hangul
         (c >= 0x20000 && c <= 0x3134F);    // CJK extensions B-G
}

bool has_spaceless(std::string_view folded) {
  for (std::size_t i = 0; i < folded.size();) {
    auto b = static_cast<unsigned char>(folded[i]);
    if (b < 0xE0) {  // ASCII and two-byte sequences: no spaceless script below U+0800
      i += b < 0x80 ? 1 : 2;
      continue;
    }
    char32_t c = 0;
    std::size_t len = decode_utf8(folded, i, c);
    if (len == 0) {
      ++i;
      continue;
    }
    if (spaceless_script(c)) return true;
    i += len;
  }
  return false;
}

std::optional<std::string> english_stem(std::string_view original) {
  auto stem = english_stem_view(original);
  if (!stem) return std::nullopt;
  return std::string(*stem);
}

void index_tokens(std::string_view text, std::span<const BaseToken> words, TokenSink& sink) {
  std::string stem_token;
  std::size_t joined_until = 0;  // words before this are inside an earlier joined form
  for (std::size_t i = 0; i < words.size(); ++i) {
    const BaseToken& w = words[i];
    if (has_spaceless(w.folded)) {
      // Offsets of each piece when folding kept the bytes' places; the whole word's otherwise.
      const bool same_places = w.folded.size() == w.end - w.start;
      bool go = spaceless_pieces(w.folded, [&](std::string_view piece, std::size_t at) {
        return same_places ? sink.token(piece, w.start + at, w.start + at + piece.size(), TokenRole::kWord)
                           : sink.token(piece, w.start, w.end, TokenRole::kWord);
      });
      if (!go) return;
      continue;
    }
    if (!sink.token(w.folded, w.start, w.end, TokenRole::kWord)) return;
    if (auto stem = english_stem_view(text.substr(w.start, w.end - w.start));
        stem && *stem != w.folded) {
      stem_token.assign(1, kStemMarker);
      stem_token += *stem;
      if (!sink.token(stem_token, w.start, w.end, TokenRole::kStem)) return;
    }
    if (i < joined_until) continue;
    if (auto joined = joined_at(text, words, i)) {
      joined_until = joined->last + 1;
      if (!sink.token(joined->text, joined->start, joined->end, TokenRole::kJoined)) return;
    }
  }
}

}  // namespace newsdb::search
