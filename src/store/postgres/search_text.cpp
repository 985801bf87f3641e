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

class VectorBuilder {
 public:
  void field(std::string_view text, char weight) {
    if (text.size() > kFieldBytes) text = text.substr(0, kFieldBytes);
    for_each_token(text, [&](std::string_view raw) {
      std::string token = store::name_key(raw);
      int at = std::min(position_++, kMaxPosition);
      if (token.size() > kLexemeBytes || full_) return;
      auto [it, fresh] = lexemes_.try_emplace(std::move(token));
      std::vector<std::uint16_t>& positions = it->second;
      if (fresh) bytes_ += it->first.size() + 4;
      // Past the last position every token lands on it: the server keeps one (the first, whose
      // weight is the highest), and tsvector's binary form requires increasing positions.
      if (positions.size() >= kPositionsPerLexeme ||
          (!positions.empty() && (positions.back() & 0x3FFF) == at)) {
        return;
      }
      positions.push_back(word_entry_pos(at, weight));
      bytes_ += 7;
      full_ = bytes_ > kLiteralBytes;
    });
    position_ += kFieldGap;
  }

  SearchVector build() const {
    // Sorted lexemes: the order tsvector keeps them in (bytewise, a prefix first).
    std::vector<const Lexeme*> sorted;
    sorted.reserve(lexemes_.size());
    for (const auto& entry : lexemes_) sorted.push_back(&entry);
    std::sort(sorted.begin(), sorted.end(),
              [](const Lexeme* a, const Lexeme* b) { return a->first < b->first; });
    SearchVector out;
    out.literal.reserve(bytes_);
    put_big_endian(out.binary, static_cast<std::uint32_t>(sorted.size()), 4);
    for (const Lexeme* lexeme : sorted) {
      const auto& [word, positions] = *lexeme;
      out.ascii = out.ascii && is_ascii(word);
      // Tokens are letters and digits only: nothing in them needs escaping.
      if (!out.literal.empty()) out.literal += ' ';
      out.literal += '\'';
      out.literal += word;
      out.literal += "':";
      out.binary += word;
      out.binary += '\0';
      put_big_endian(out.binary, static_cast<std::uint32_t>(positions.size()), 2);
      for (std::size_t i = 0; i < positions.size(); ++i) {
        if (i > 0) out.literal += ',';
        out.literal += std::to_string(positions[i] & 0x3FFF);
        out.literal += weight_letter(positions[i]);
        put_big_endian(out.binary, positions[i], 2);
      }
    }
    return out;
  }

 private:
  using Lexeme = std::pair<const std::string, std::vector<std::uint16_t>>;
  std::unordered_map<std::string, std::vector<std::uint16_t>> lexemes_;
  int position_ = 1;
  std::size_t bytes_ = 0;
  bool full_ = false;
};

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
