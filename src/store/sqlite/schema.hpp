// The SQLite schema and its migrations.
//
// A newsdb database is marked by PRAGMA application_id = kApplicationId; its schema version is
// PRAGMA user_version. Migrations are a list: migration N takes a version N-1 database to N and
// runs in one transaction, so a crash mid-migration leaves the previous version intact. A new
// migration is appended, never edited once released.
#pragma once

#include <newsdb/error.hpp>
#include <string_view>

#include "store/sqlite/database.hpp"

namespace newsdb::sqlite {

inline constexpr int kApplicationId = 0x4e574442;  // "NWDB"

// The version this build writes and understands.
int latest_schema_version();

// The SQL of migration `version` (1 .. latest_schema_version()), for tests that build a store as
// an older newsdb left it.
std::string_view migration_sql(int version);

// Checks that `db` is empty or a newsdb database no newer than this build, then applies the
// missing migrations (only with kReadWrite; a read-only open of an outdated database fails with a
// message that says to run an import or `newsdb migrate`). Sets WAL mode and the connection
// pragmas either way.
Result<void> prepare_schema(Database& db, Database::Access access);

}  // namespace newsdb::sqlite
