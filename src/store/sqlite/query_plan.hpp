// How a Query becomes SQL on the SQLite schema (see schema.cpp for the indexes it relies on).
//
// Two steps. resolve() turns the names in a Filter into what the schema stores: topic and
// provider ids (looked up once, so that the main query can walk one index per id in order),
// case-folded category and type keys, and the FTS5 expression. Then the builders write one
// statement with every value bound.
//
// "Newest N" is read from an index in order, never by sorting every match: with a topic filter
// from article_topics(topic_id, published_at), else with a provider filter from
// articles(provider_id, published_at), else with a category filter from articles(category_key,
// published_at), else from articles(published_at). Several ids (repeated filters, a provider name
// shared by two domains) each get their own index walk, limited to offset+limit rows, and the
// union of those short lists is sorted: the top rows of a union are within the top rows of its
// parts. Ties on the same second are broken by url with a sort over the equal keys only.
#pragma once

#include <cstdint>
#include <newsdb/query.hpp>
#include <optional>
#include <string>
#include <vector>

#include "store/sqlite/bound_sql.hpp"
#include "store/sqlite/database.hpp"

namespace newsdb::sqlite {

struct ResolvedFilter {
  const Filter* filter = nullptr;
  std::vector<std::int64_t> topic_ids;     // set when filter->topics is not empty
  std::vector<std::int64_t> provider_ids;  // set when filter->providers is not empty
  std::vector<std::string> category_keys;
  std::vector<std::string> type_keys;
  std::string fts_match;  // the MATCH expression when filter->text is set
  // A named topic or provider that does not exist, or text without words: nothing can match.
  bool matches_nothing = false;
};

// Looks up the filter's names. `filter` must outlive the result.
Result<ResolvedFilter> resolve(Database& db, const Filter& filter);

// SELECT id [, snippet-ready columns] of the matching articles in the query's order, paged.
// Column 0 is the article id.
BoundSql find_sql(const ResolvedFilter& filter, SortOrder sort, std::int64_t limit,
                  std::int64_t offset);

enum class FacetKind { kTopic, kProvider, kCategory };

// Facet counts: columns (id-or-key, count) largest first, ties by name key; limit 0 = all.
// Topics and providers group by id, categories by key.
BoundSql facet_sql(FacetKind facet, const ResolvedFilter& filter, std::int64_t limit);

}  // namespace newsdb::sqlite
