// Recomputing articles.search for every article, from the stored text: what a migration into
// PostgreSQL does after copying the articles (SQLite keeps no tsvector to copy).
#pragma once

#include <cstdint>
#include <newsdb/error.hpp>

#include "store/postgres/connection.hpp"

namespace newsdb::postgres {

// Runs inside the caller's open transaction; reads and writes in slices so that memory stays
// bounded. Returns the number of articles indexed.
Result<std::int64_t> rebuild_search_index(Connection& conn);

}  // namespace newsdb::postgres
