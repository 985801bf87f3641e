// How a Query becomes SQL on the PostgreSQL schema: the same two steps and the same answers as
// the SQLite plan (src/store/sqlite/query_plan.hpp), written for PostgreSQL.
//
// resolve() turns the names in a Filter into what the schema stores (topic and provider ids,
// folded category and type keys, the tsquery text); the builders then write one statement with
// every value bound. Orders match SQLite's exactly: NULLs last (newest, heat, quality) or dated
// first then undated (oldest), ties by url in byte order (the "C" collation).
//
// "Newest N" reads an index in order rather than sorting every match: article_topics_by_topic with
// a topic filter, articles_by_provider with a provider filter, articles_by_category with a category
// filter, else articles_by_published. Several ids (repeated filters) each get their own index walk
// limited to offset+limit rows, and the union of those short lists is sorted.
#pragma once

#include <cstdint>
#include <newsdb/query.hpp>
#include <string>
#include <vector>

#include "store/postgres/connection.hpp"
#include "store/postgres/pg_sql.hpp"

namespace newsdb::postgres {

struct ResolvedFilter {
  const Filter* filter = nullptr;
  std::vector<std::int64_t> topic_ids;
  std::vector<std::int64_t> provider_ids;
  std::vector<std::string> category_keys;
  std::vector<std::string> type_keys;
  std::string tsquery;  // set when filter->text has words: tsquery text, before unaccent
  // A named topic or provider that does not exist, or text without words: nothing can match.
  bool matches_nothing = false;
};

// Looks up the filter's names. `filter` must outlive the result. kInvalidInput for --raw text that
// is not valid FTS5 syntax.
Result<ResolvedFilter> resolve(Connection& conn, const Filter& filter);

// SELECT id of the matching articles in the query's order, paged (limit 0 = all).
PgSql find_sql(const ResolvedFilter& filter, SortOrder sort, std::int64_t limit,
               std::int64_t offset);

enum class FacetKind { kTopic, kProvider, kCategory };

// Facet counts: columns (name, domain, count) largest first, ties by folded name; limit 0 = all.
PgSql facet_sql(FacetKind facet, const ResolvedFilter& filter, std::int64_t limit);

// Appends the tsquery of `filter` as an expression: unaccented, as the stored vectors are.
void append_tsquery(PgSql& q, const ResolvedFilter& filter);

}  // namespace newsdb::postgres
