// How a Query becomes SQL on the PostgreSQL schema: the shared plan (store/query_plan.hpp: which
// filter drives, order, paging, the statements' shape) written in PostgreSQL's dialect, with NULLS
// LAST spelled out so that orders match SQLite's exactly, and ties by url in byte order (the "C"
// collation).
//
// resolve() turns the names in a Filter into what the schema stores: topic and provider ids,
// folded category and type keys, and the tsquery text (before unaccent) as the filter's
// text_query.
#pragma once

#include <cstdint>
#include <newsdb/query.hpp>
#include <string>
#include <vector>

#include "store/postgres/connection.hpp"
#include "store/postgres/pg_sql.hpp"
#include "store/query_plan.hpp"

namespace newsdb::postgres {

using store::ResolvedFilter;

// Looks up the filter's names. `filter` must outlive the result. kInvalidInput for --raw text that
// is not valid FTS5 syntax.
Result<ResolvedFilter> resolve(Connection& conn, const Filter& filter);

// store::find_sql in PostgreSQL's dialect.
PgSql find_sql(const ResolvedFilter& filter, SortOrder sort, std::int64_t limit,
               std::int64_t offset);

// store::facet_sql in PostgreSQL's dialect.
PgSql facet_sql(Facet facet, const ResolvedFilter& filter, std::int64_t limit);

}  // namespace newsdb::postgres
