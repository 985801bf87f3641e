#include "store/postgres/search_text.hpp"

#include <locale.h>
#include <wctype.h>

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "store/name_key.hpp"
#include "store/postgres/copy_binary.hpp"

namespace newsdb::postgres {
namespace {

constexpr std::size_t kFieldBytes = 100'000;
constexpr std::size_t kLiteralBytes = 768 * 1024;  // PostgreSQL refuses tsvectors over 1 MB
constexpr std::size_t kLexemeBytes = 2046;         // and lexemes over 2 KB
constexpr int kMaxPosition = 16383;                // positions beyond are clamped by PostgreSQL
constexpr std::size_t kPositionsPerLexeme = 256;          // and extra positions dropped
constexpr int kFieldGap = 8;                       // positions between two fields

locale_t utf8_locale() {
  static const locale_t locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
  return locale;
}

// Decodes the UTF-8 sequence at s[i] into `c`; returns its length, 0 when invalid.
std::size_t decode(std::string_view s, std::size_t i, char32_t& c) {
  auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t len = b0 < 0xC2 ? 0 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : b0 < 0xF5 ? 4 : 0;
  if (len == 0 || i + len > s.size()) return 0;
  c = b0 & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) {
    auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    c = (c << 6) | (b & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (c < kMin[len] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  return len;
}

// Letters that `unaccent` turns into an apostrophe ("ʼ" -> "'", "ŉ" -> "'n"): an apostrophe would
// end a quoted lexeme of the literal once unaccented, so they separate words, as apostrophes do.
bool apostrophe_letter(char32_t c) {
  return c == 0x149 || c == 0x2B9 || c == 0x2BB || c == 0x2BC || c == 0x2BD || c == 0x2C8;
}

bool ascii_token_char(unsigned char b) {
  return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
}

// Calls `emit(token)` for each token of `text`, raw (not yet lower-cased).
template <typename Emit>
void for_each_token(std::string_view text, Emit&& emit) {
  locale_t locale = utf8_locale();
  std::size_t start = std::string_view::npos;
  auto close = [&](std::size_t end) {
    if (start != std::string_view::npos) emit(text.substr(start, end - start));
    start = std::string_view::npos;
  };
  for (std::size_t i = 0; i < text.size();) {
    auto b = static_cast<unsigned char>(text[i]);
    std::size_t len = 1;
    bool token_char = false;
    if (b < 0x80) {
      token_char = ascii_token_char(b);
    } else {
      char32_t c = 0;
      len = decode(text, i, c);
      if (len == 0) {
        len = 1;  // an invalid byte separates
      } else {
        token_char = locale != static_cast<locale_t>(0) &&
                     iswalnum_l(static_cast<wint_t>(c), locale) && !apostrophe_letter(c);
      }
    }
    if (token_char && start == std::string_view::npos) start = i;
    if (!token_char) close(i);
    i += len;
  }
  close(text.size());
}

bool is_ascii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// A position as tsvector stores it: the weight in the top two bits (A = 3 ... D = 0), the
// position in the low fourteen.
std::uint16_t word_entry_pos(int position, char weight) {
  return static_cast<std::uint16_t>(((3 - (weight - 'A')) << 14) | position);
}

char weight_letter(std::uint16_t entry) { return static_cast<char>('A' + 3 - (entry >> 14)); }

// Lower-cases `raw` into `out` (reusing its buffer): ASCII inline, the rest by name_key.
void fold_token(std::string_view raw, std::string& out) {
  if (!is_ascii(raw)) {
    out = store::name_key(raw);
    return;
  }
  out.resize(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    out[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
  }
}

// Collects each lexeme's positions in one flat list (lexemes numbered as first met) and sorts
// them by lexeme only at the end: no allocation per token, one per new lexeme at most.
class VectorBuilder {
 public:
  void field(std::string_view text, char weight) {
    if (text.size() > kFieldBytes) text = text.substr(0, kFieldBytes);
    for_each_token(text, [&](std::string_view raw) {
      int at = std::min(position_++, kMaxPosition);
      if (full_) return;
      fold_token(raw, token_);
      if (token_.size() > kLexemeBytes) return;
      auto found = ids_.find(token_);
      if (found == ids_.end()) {
        found = ids_.emplace(token_, static_cast<std::uint32_t>(lexemes_.size())).first;
        lexemes_.push_back(Lexeme{&found->first});
        bytes_ += token_.size() + 4;
      }
      Lexeme& lexeme = lexemes_[found->second];
      // Past the last position every token lands on it: the server keeps one (the first, whose
      // weight is the highest), and tsvector's binary form requires increasing positions.
      if (lexeme.count >= kPositionsPerLexeme || (lexeme.count > 0 && lexeme.last == at)) return;
      ++lexeme.count;
      lexeme.last = at;
      positions_.push_back(Position{found->second, word_entry_pos(at, weight)});
      bytes_ += 7;
      full_ = bytes_ > kLiteralBytes;
    });
    position_ += kFieldGap;
  }

  SearchVector build() {
    // Sorted lexemes: the order tsvector keeps them in (bytewise, a prefix first).
    std::vector<std::uint32_t> order(lexemes_.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      return *lexemes_[a].word < *lexemes_[b].word;
    });
    // Each lexeme's slot in the sorted position list (positions stay in increasing order).
    std::size_t offset = 0;
    for (std::uint32_t id : order) {
      lexemes_[id].offset = offset;
      offset += lexemes_[id].count;
    }
    std::vector<std::uint16_t> sorted(positions_.size());
    for (const Position& p : positions_) sorted[lexemes_[p.lexeme].offset++] = p.entry;

    SearchVector out;
    out.binary.reserve(bytes_);
    put_big_endian(out.binary, static_cast<std::uint32_t>(order.size()), 4);
    std::size_t next = 0;
    for (std::uint32_t id : order) {
      const Lexeme& lexeme = lexemes_[id];
      out.ascii = out.ascii && is_ascii(*lexeme.word);
      out.binary += *lexeme.word;
      out.binary += '\0';
      put_big_endian(out.binary, lexeme.count, 2);
      for (std::size_t i = 0; i < lexeme.count; ++i) put_big_endian(out.binary, sorted[next++], 2);
    }
    return out;
  }

 private:
  struct Lexeme {
    const std::string* word;  // the key in ids_ (node-based: stays put)
    std::size_t count = 0;    // positions kept
    int last = 0;             // the last position kept
    std::size_t offset = 0;   // build(): where its positions go in the sorted list
  };
  struct Position {
    std::uint32_t lexeme;
    std::uint16_t entry;
  };
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<Lexeme> lexemes_;
  std::vector<Position> positions_;
  std::string token_;
  int position_ = 1;
  std::size_t bytes_ = 0;
  bool full_ = false;
};

std::uint32_t get_big_endian(std::string_view in, std::size_t& at, int bytes) {
  std::uint32_t value = 0;
  for (int i = 0; i < bytes; ++i) value = (value << 8) | static_cast<unsigned char>(in[at++]);
  return value;
}

}  // namespace

std::vector<std::string> search_tokens(std::string_view text) {
  std::vector<std::string> out;
  for_each_token(text, [&](std::string_view raw) { out.push_back(store::name_key(raw)); });
  return out;
}

SearchVector search_vector(std::string_view title, std::string_view excerpt,
                           std::string_view topics_text, std::string_view body) {
  VectorBuilder builder;
  builder.field(title, 'A');
  builder.field(excerpt, 'B');
  builder.field(topics_text, 'C');
  builder.field(body, 'D');
  return builder.build();
}

std::string SearchVector::literal() const {
  std::string out;
  std::size_t at = 0;
  std::uint32_t lexemes = get_big_endian(binary, at, 4);
  for (std::uint32_t l = 0; l < lexemes; ++l) {
    std::size_t end = binary.find('\0', at);
    // Tokens are letters and digits only: nothing in them needs escaping.
    if (!out.empty()) out += ' ';
    out.append("'").append(binary, at, end - at).append("':");
    at = end + 1;
    std::uint32_t positions = get_big_endian(binary, at, 2);
    for (std::uint32_t i = 0; i < positions; ++i) {
      auto entry = static_cast<std::uint16_t>(get_big_endian(binary, at, 2));
      if (i > 0) out += ',';
      out += std::to_string(entry & 0x3FFF);
      out += weight_letter(entry);
    }
  }
  return out;
}

std::string words_query(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (i < text.size()) {
    while (i < text.size() && space(text[i])) ++i;
    std::size_t start = i;
    while (i < text.size() && !space(text[i])) ++i;
    auto tokens = search_tokens(text.substr(start, i - start));
    if (tokens.empty()) continue;
    std::string phrase;
    for (const auto& t : tokens) {
      if (t.size() > kLexemeBytes) continue;
      phrase += (phrase.empty() ? "'" : " <-> '") + t + "'";
    }
    if (phrase.empty()) continue;
    out += (out.empty() ? "(" : " & (") + phrase + ")";
  }
  return out;
}

}  // namespace newsdb::postgres
