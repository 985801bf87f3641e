// The PostgreSQL schema and its migrations.
//
// The schema mirrors SQLite's (src/store/sqlite/schema.cpp) table for table, so that the two
// backends answer alike and `newsdb migrate` maps columns one to one; what differs is PostgreSQL's
// own: identity keys, booleans, a stored, weighted tsvector with a GIN index instead of FTS5.
//
// The version lives in the table newsdb_meta (key 'schema_version'); a database with tables of its
// own but no newsdb_meta is not a newsdb database and is left alone.
#pragma once

#include <newsdb/store.hpp>

#include "store/postgres/connection.hpp"

namespace newsdb::postgres {

int latest_schema_version();

// Checks that the connected database is a newsdb one (or empty) and not newer than this build;
// with kReadWrite, migrates it to the latest version. Concurrent openers are serialised by an
// advisory lock, so several importers may start against a new, empty database at once.
Result<void> prepare_schema(Connection& conn, OpenMode mode);

}  // namespace newsdb::postgres
