// The search language a reader already knows from web search, parsed into a query tree that each
// backend writes in its own syntax (sqlite/fts_query.hpp, postgres/search_text.hpp):
//
//   election france      both words (in any field, any order)
//   "supply chain"       the words next to each other, in this order, exactly as written
//   election -france     an article with "france" is left out (also -"supply chain")
//   electr*              any word starting with "electr"
//   ukraine OR russia    either word (OR binds closer than the implicit AND)
//   C++ C# .NET U.S.     punctuation that makes a token is matched as written (not "C" alone)
//   elections            also election, elected (English stems); the exact form ranks first
//
// Case and accents never matter. Other punctuation separates words and is otherwise ignored.
//
// Why a parser of its own: the language is a dozen lines of grammar, and its words must be cut
// exactly as the index cuts them (index_tokens.hpp), which no query-parser library (Xapian's
// QueryParser, Lucene's) knows; FTS5's and PostgreSQL's own parsers (websearch_to_tsquery) each
// cut words their own way, so the two backends would not find the same articles.
#pragma once

#include <newsdb/error.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace newsdb::search {

// One thing an article must (or must not) contain.
struct MatchUnit {
  // Index tokens at consecutive positions: one for a word, several for a quoted phrase or for a
  // word that is several tokens (a CJK word's character pairs, "don't").
  std::vector<std::string> phrase;
  bool prefix = false;  // the last token of the phrase is a prefix
  // Tokens any one of which may stand instead of the phrase (a word's stems).
  std::vector<std::string> alternatives;
  // Tokens the article must also contain (a joined form such as c++ inside a quoted phrase).
  std::vector<std::string> joined;
};

struct SearchQuery {
  // Every entry must match; an entry with several units matches when any of them does (OR).
  std::vector<std::vector<MatchUnit>> all;
  // No unit here may match.
  std::vector<MatchUnit> none;
};

// The query tree of `text`. Fails with kInvalidInput, saying why, when nothing is left to look
// for: only punctuation, or only excluded words.
Result<SearchQuery> parse_search(std::string_view text);

// The index tokens of a query word as the index holds them, unfolded by accent (backends fold
// accents themselves); for tests and the raw syntax of PostgreSQL.
std::vector<std::string> query_tokens(std::string_view text);

}  // namespace newsdb::search
