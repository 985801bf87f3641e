// Turning what a user typed into an FTS5 MATCH expression.
#pragma once

#include <newsdb/query.hpp>
#include <string>
#include <string_view>

namespace newsdb::sqlite {

// kWords: every whitespace-separated word becomes a quoted FTS5 string ("" inside doubled), so
// punctuation (" - : * ( ^ AND NEAR) is never syntax and the words are ANDed: `supply-chain "AI"`
// becomes `"supply-chain" """AI"""`. kRaw: the text as written (FTS5 reports its own syntax errors
// when the statement runs). Returns "" when kWords text has no words at all.
std::string fts_match_expression(std::string_view text, TextSyntax syntax);

}  // namespace newsdb::sqlite
