#include "net/xml_references.hpp"

#include <libxml/HTMLparser.h>

#include <array>
#include <cctype>
#include <charconv>
#include <set>

namespace newsdb::net {
namespace {

constexpr std::string_view kLiteralAmp = "&#38;";
constexpr unsigned kReplacement = 0xFFFD;

// What windows-1252 puts at 0x80-0x9F (0: no character there), as HTML reads `&#128;`-`&#159;`.
constexpr std::array<unsigned, 32> kWindows1252C1 = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool is_name_char(char c) {
  return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

// A code point as XML may carry it.
unsigned xml_char(unsigned cp) {
  if (cp >= 0x80 && cp <= 0x9F) cp = kWindows1252C1[cp - 0x80];
  bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                 (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
  return allowed ? cp : kReplacement;
}

std::string char_ref(unsigned cp) {
  return "&#" + std::to_string(cp) + ";";
}

// The entities the internal DTD subset `subset` declares (general ones, not `%` parameters).
void collect_declared(std::string_view subset, std::set<std::string, std::less<>>& out) {
  for (auto at = subset.find("<!ENTITY"); at != std::string_view::npos;
       at = subset.find("<!ENTITY", at + 1)) {
    std::size_t i = at + 8;
    while (i < subset.size() &&
           (subset[i] == ' ' || subset[i] == '\t' || subset[i] == '\n' || subset[i] == '\r')) {
      ++i;
    }
    std::size_t start = i;
    while (i < subset.size() && is_name_char(subset[i])) ++i;
    if (i > start) out.emplace(subset.substr(start, i - start));
  }
}

// The end of the DOCTYPE that starts at `at` (just past its `>`), reading the internal subset's
// quotes so that a `>` or `]` inside an entity value does not end it.
std::size_t doctype_end(std::string_view text, std::size_t at, std::string_view& subset) {
  char quote = 0;
  std::size_t subset_start = std::string_view::npos;
  bool subset_closed = false;
  for (std::size_t i = at; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[' && subset_start == std::string_view::npos) {
      subset_start = i + 1;
    } else if (c == ']' && subset_start != std::string_view::npos && !subset_closed) {
      subset = text.substr(subset_start, i - subset_start);
      subset_closed = true;
    } else if (c == '>' && (subset_start == std::string_view::npos || subset_closed)) {
      return i + 1;
    }
  }
  return text.size();
}

class Repairer {
 public:
  explicit Repairer(std::string_view text) : text_(text) { out_.reserve(text.size() + 64); }

  std::string run() {
    while (i_ < text_.size()) {
      char c = text_[i_];
      if (c == '<') {
        markup();
      } else if (c == '&') {
        reference();
      } else {
        auto next = text_.find_first_of("<&", i_);
        if (next == std::string_view::npos) next = text_.size();
        out_.append(text_.substr(i_, next - i_));
        i_ = next;
      }
    }
    return std::move(out_);
  }

 private:
  // Copies through `end` verbatim (a comment, CDATA section or PI), or to the end of the text.
  void copy_through(std::string_view end) {
    auto at = text_.find(end, i_);
    std::size_t stop = at == std::string_view::npos ? text_.size() : at + end.size();
    out_.append(text_.substr(i_, stop - i_));
    i_ = stop;
  }

  void markup() {
    auto rest = text_.substr(i_);
    if (rest.starts_with("<!--")) return copy_through("-->");
    if (rest.starts_with("<![CDATA[")) return copy_through("]]>");
    if (rest.starts_with("<?")) return copy_through("?>");
    if (rest.starts_with("<!DOCTYPE")) {
      std::string_view subset;
      std::size_t end = doctype_end(text_, i_, subset);
      collect_declared(subset, declared_);
      out_.append(text_.substr(i_, end - i_));
      i_ = end;
      return;
    }
    out_ += '<';
    ++i_;
  }

  void reference() {
    std::size_t j = i_ + 1;
    if (j < text_.size() && text_[j] == '#') {
      numeric(j + 1);
      return;
    }
    std::size_t start = j;
    if (j < text_.size() && is_name_start(text_[j])) {
      while (j < text_.size() && j - start < 64 && is_name_char(text_[j])) ++j;
    }
    if (j == start || j >= text_.size() || text_[j] != ';') return literal_amp();
    std::string_view name = text_.substr(start, j - start);
    std::size_t after = j + 1;
    if (name == "amp")
      out_ += kLiteralAmp;
    else if (name == "lt")
      out_ += "&#60;";
    else if (name == "gt")
      out_ += "&#62;";
    else if (name == "quot")
      out_ += "&#34;";
    else if (name == "apos")
      out_ += "&#39;";
    else if (declared_.contains(name))
      out_.append(text_.substr(i_, after - i_));
    else if (auto* html =
                 htmlEntityLookup(reinterpret_cast<const xmlChar*>(std::string(name).c_str()))) {
      out_ += char_ref(xml_char(html->value));
    } else {
      return literal_amp();
    }
    i_ = after;
  }

  // `&#` at i_, its digits starting at `j`.
  void numeric(std::size_t j) {
    int base = 10;
    if (j < text_.size() && (text_[j] == 'x' || text_[j] == 'X')) {
      base = 16;
      ++j;
    }
    std::size_t start = j;
    while (j < text_.size() && j - start <= 8 &&
           std::isxdigit(static_cast<unsigned char>(text_[j]))) {
      ++j;
    }
    unsigned value = 0;
    auto [end, ec] = std::from_chars(text_.data() + start, text_.data() + j, value, base);
    if (j == start || end != text_.data() + j || j >= text_.size() || text_[j] != ';') {
      // Not a whole reference (`&#;`, `&#12` with no `;`, or too long): literal text.
      return literal_amp();
    }
    out_ += char_ref(ec == std::errc() ? xml_char(value) : kReplacement);
    i_ = j + 1;
  }

  void literal_amp() {
    out_ += kLiteralAmp;
    ++i_;
  }

  std::string_view text_;
  std::size_t i_ = 0;
  std::string out_;
  std::set<std::string, std::less<>> declared_;
};

}  // namespace

std::string repair_references(std::string_view utf8) {
  return Repairer(utf8).run();
}

}  // namespace newsdb::net
