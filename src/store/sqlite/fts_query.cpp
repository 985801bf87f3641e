#include "store/sqlite/fts_query.hpp"

namespace newsdb::sqlite {
namespace {

void quoted(std::string& out, std::string_view token) {
  out += '"';
  for (char c : token) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string unit_expression(const search::MatchUnit& unit) {
  std::string core;
  for (std::size_t i = 0; i < unit.phrase.size(); ++i) {
    if (i) core += " + ";
    quoted(core, unit.phrase[i]);
  }
  if (unit.prefix) core += " *";
  if (!unit.alternatives.empty()) {
    std::string either = "(" + core;
    for (const auto& alt : unit.alternatives) {
      either += " OR ";
      quoted(either, alt);
    }
    core = either + ")";
  }
  if (!unit.joined.empty()) {
    std::string both = "(" + core;
    for (const auto& j : unit.joined) {
      both += " AND ";
      quoted(both, j);
    }
    core = both + ")";
  }
  return core;
}

}  // namespace

std::string fts_expression(const search::SearchQuery& query) {
  std::string all;
  for (const auto& alternatives : query.all) {
    if (!all.empty()) all += " AND ";
    if (alternatives.size() == 1) {
      all += unit_expression(alternatives[0]);
      continue;
    }
    all += '(';
    for (std::size_t i = 0; i < alternatives.size(); ++i) {
      if (i) all += " OR ";
      all += unit_expression(alternatives[i]);
    }
    all += ')';
  }
  if (query.none.empty()) return all;
  std::string out = "(" + all + ") NOT (";
  for (std::size_t i = 0; i < query.none.size(); ++i) {
    if (i) out += " OR ";
    out += unit_expression(query.none[i]);
  }
  return out + ")";
}

Result<std::string> fts_match_expression(std::string_view text, TextSyntax syntax) {
  if (syntax == TextSyntax::kRaw) return std::string(text);
  auto query = search::parse_search(text);
  if (!query) return std::unexpected(query.error());
  return fts_expression(*query);
}

}  // namespace newsdb::sqlite
