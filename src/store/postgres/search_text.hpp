// Full-text search on PostgreSQL, cut the way SQLite's FTS5 unicode61 tokenizer cuts: the words
// of an article become a tsvector literal here, in the client, and the user's words a tsquery
// literal; the server applies `unaccent` to both (accent-insensitive search) and casts them.
//
// Why in the client: PostgreSQL's own parser (to_tsvector) costs about as much server time as all
// the rest of an import together, and cuts words differently from FTS5 ("supply-chain", "x.com",
// "4.5" are single tokens to it). Tokenizing here is several times cheaper, and both backends then
// find the same articles for the same words.
//
// Tokens: the words of search/word_scan.hpp, lower-cased, made into index tokens by
// search/index_tokens.hpp (character pairs in spaceless scripts; stems, marked ~, and joined forms
// such as c++ at their word's position), as SQLite's tokenizer makes them from unicode61's words.
// Positions run on through the fields with a gap between fields so that a phrase never spans two of them; weights mark the field: title A,
// excerpt B, topics C, body D (ts_rank's 1.0/0.4/0.2/0.1, SQLite's bm25 10/4/2/1). Thread-safe.
#pragma once

#include <newsdb/article.hpp>
#include <newsdb/error.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "store/search/search_query.hpp"

namespace newsdb::postgres {

// The word tokens of `text` as a query holds them, in order (pairs of characters in spaceless
// scripts; no stems or joined forms).
std::vector<std::string> search_tokens(std::string_view text);

struct SearchVector {
  // The vector in tsvector's binary COPY form (lexemes sorted, positions increasing), which the
  // server takes as it is instead of parsing a literal: usable as it is only when `ascii`
  // (unaccent applies to text, so other vectors travel as their literal).
  std::string binary;
  bool ascii = true;  // no byte above 0x7F: unaccent has nothing to do
  // The same vector in tsvector input syntax: 'word':1A,7B 'other':2A ... (made from `binary`).
  std::string literal() const;
};

// The indexed text of one article: title, excerpt, topics (one per line) and body. Each field is
// read up to its first 100,000 bytes and the whole vector stays well under PostgreSQL's 1 MB limit.
SearchVector search_vector(std::string_view title, std::string_view excerpt,
                           std::string_view topics_text, std::string_view body);

// The search language (search/search_query.hpp) as a tsquery: a phrase as 'a' <-> 'b', a word
// with its stems as ('elections' | '~elect' | 'elect'), exclusions as (...) & !(...). Fails as
// parse_search fails.
Result<std::string> words_query(std::string_view text);

// The tree as a tsquery (what words_query returns once parsed); "" when nothing can match.
std::string tsquery_of(const search::SearchQuery& query);

}  // namespace newsdb::postgres
