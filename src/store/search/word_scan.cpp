#include "store/search/word_scan.hpp"

#include <locale.h>
#include <wctype.h>

namespace newsdb::search {
namespace {

locale_t utf8_locale() {
  static const locale_t locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
  return locale;
}

// Letters that PostgreSQL's `unaccent` turns into an apostrophe ("ʼ" -> "'", "ŉ" -> "'n"): an
// apostrophe would end a quoted lexeme of a tsvector literal once unaccented, so they separate
// words, as apostrophes do.
bool apostrophe_letter(char32_t c) {
  return c == 0x149 || c == 0x2B9 || c == 0x2BB || c == 0x2BC || c == 0x2BD || c == 0x2C8;
}

}  // namespace

std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& c) {
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

// Marks that glibc does not count as alphanumeric but FTS5's unicode61 (categories
// "L* N* Co M*") keeps inside a word: the combining diacritics (which folding then drops) and the
// vowel signs and tone marks of the scripts written without spaces (Thai "ที่" is one word, not
// three pieces).
bool combining_mark(char32_t c) {
  return (c >= 0x300 && c <= 0x36F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
         (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F) || c == 0x0E31 ||
         (c >= 0x0E34 && c <= 0x0E3A) || (c >= 0x0E47 && c <= 0x0E4E) || c == 0x0EB1 ||
         (c >= 0x0EB4 && c <= 0x0EBC) || (c >= 0x0EC8 && c <= 0x0ECD) ||
         (c >= 0x17B4 && c <= 0x17D3) || c == 0x17DD || (c >= 0x102B && c <= 0x103E) ||
         (c >= 0x1056 && c <= 0x1059) || (c >= 0x105E && c <= 0x1060) ||
         (c >= 0x1062 && c <= 0x1064) || (c >= 0x1067 && c <= 0x106D) ||
         (c >= 0x1071 && c <= 0x1074) || (c >= 0x1082 && c <= 0x108D) || c == 0x108F ||
         (c >= 0x109A && c <= 0x109D) || c == 0x3099 || c == 0x309A;
}

bool word_char(char32_t c) {
  if (combining_mark(c)) return true;
  locale_t locale = utf8_locale();
  return locale != static_cast<locale_t>(0) && iswalnum_l(static_cast<wint_t>(c), locale) &&
         !apostrophe_letter(c);
}

}  // namespace newsdb::search
