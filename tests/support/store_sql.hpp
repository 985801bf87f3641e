// Plain SQL on a test's store, whatever its backend: for tests that look at the tables behind the
// API (what a failed batch left, what an import recorded). `db` is what --db takes: a SQLite file
// or a postgresql:// URI (support/backends.hpp). Each call opens its own connection.
//
//   CHECK(test::stored_rows(fresh.spec(), "SELECT count(*) FROM articles") == Rows{"3"});
#pragma once

#include <string>
#include <vector>

namespace newsdb::test {

// Every row of `sql`, columns joined by '|' (NULL written as "NULL"). Throws on any error.
std::vector<std::string> stored_rows(const std::string& db, const std::string& sql);

// Runs `sql` (one or more statements, no result wanted). Throws on any error.
void exec_sql(const std::string& db, const std::string& sql);

}  // namespace newsdb::test
