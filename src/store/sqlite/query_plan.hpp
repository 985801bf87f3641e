// How a Query becomes SQL on the SQLite schema (see schema.cpp for the indexes it relies on): the
// shared plan (store/query_plan.hpp: which filter drives, order, paging, the statements' shape)
// written in SQLite's dialect, with INDEXED BY naming the index each walk reads in order.
//
// resolve() turns the names in a Filter into what the schema stores: topic and provider ids
// (looked up once, so that the main query can walk one index per id in order), case-folded
// category and type keys, and the FTS5 MATCH expression as the filter's text_query.
#pragma once

#include <cstdint>
#include <newsdb/query.hpp>
#include <string>
#include <vector>

#include "store/query_plan.hpp"
#include "store/sqlite/bound_sql.hpp"
#include "store/sqlite/database.hpp"

namespace newsdb::sqlite {

using store::ResolvedFilter;

// Looks up the filter's names. `filter` must outlive the result.
Result<ResolvedFilter> resolve(Database& db, const Filter& filter);

// store::find_sql in SQLite's dialect.
BoundSql find_sql(const ResolvedFilter& filter, SortOrder sort, std::int64_t limit,
                  std::int64_t offset);

// store::facet_sql in SQLite's dialect.
BoundSql facet_sql(Facet facet, const ResolvedFilter& filter, std::int64_t limit);

}  // namespace newsdb::sqlite
