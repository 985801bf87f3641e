// Turning what a user typed into an FTS5 MATCH expression.
#pragma once

#include <newsdb/error.hpp>
#include <newsdb/query.hpp>
#include <string>
#include <string_view>

#include "store/search/search_query.hpp"

namespace newsdb::sqlite {

// kWords: the search language (search/search_query.hpp) written as FTS5: every token a quoted
// string (so nothing in it is FTS5 syntax; the "newsdb" tokenizer folds it in query mode), a
// phrase as `"a" + "b"`, a word with its stems as `("elections" OR "~elect" OR "elect")`,
// exclusions as `(...) NOT (...)`. Fails as parse_search fails. kRaw: the text as written (FTS5
// reports its own syntax errors when the statement runs).
Result<std::string> fts_match_expression(std::string_view text, TextSyntax syntax);

// The tree as FTS5 (what kWords returns once parsed).
std::string fts_expression(const search::SearchQuery& query);

}  // namespace newsdb::sqlite
