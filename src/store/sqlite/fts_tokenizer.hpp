// The "newsdb" FTS5 tokenizer that articles_fts uses (schema migration 3): SQLite's unicode61
// cuts and folds the words (case, accents: remove_diacritics 2; letters, digits and marks as
// word characters), and search/index_tokens.hpp makes the index tokens from them: character
// pairs in scripts written without spaces, English stems, joined forms such as c++ and u.s.
//
// In queries (FTS5_TOKENIZE_QUERY) a quoted string is one token as the search language wrote it
// (fts_query.hpp): unicode61 folds it with the joining punctuation kept inside tokens, and only a
// run in a spaceless script is cut into its pairs (a phrase), so `--raw` expressions work too.
//
// Every connection that reads or writes articles_fts must have it registered, or SQLite says
// "no such tokenizer: newsdb"; Database::open registers it (the sqlite3 shell does not have it:
// there articles_fts cannot be read, the other tables can).
#pragma once

#include <newsdb/error.hpp>

struct sqlite3;

namespace newsdb::sqlite {

// Registers the tokenizer on `db`. Fails only if the SQLite library has no FTS5.
Result<void> register_fts_tokenizer(sqlite3* db);

}  // namespace newsdb::sqlite
