#include "store/sqlite/fts_query.hpp"

namespace newsdb::sqlite {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

std::string fts_match_expression(std::string_view text, TextSyntax syntax) {
  if (syntax == TextSyntax::kRaw) return std::string(text);
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    if (i == text.size()) break;
    if (!out.empty()) out += ' ';
    out += '"';
    for (; i < text.size() && !is_space(text[i]); ++i) {
      if (text[i] == '"') out += '"';
      out += text[i];
    }
    out += '"';
  }
  return out;
}

}  // namespace newsdb::sqlite
