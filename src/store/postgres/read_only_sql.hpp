// `newsdb sql` on PostgreSQL: the user's statements, run so that none can change the store.
//
// Three locks, like the SQLite version's: every statement must be a query (SELECT, WITH, VALUES,
// TABLE, EXPLAIN, SHOW) and is prepared before the first one runs, so "SELECT 1; DELETE FROM
// articles" and a syntax error in the last statement run nothing; the statements run in one READ
// ONLY transaction (a data-modifying WITH fails there); and results reach the sink only once every
// statement has succeeded.
#pragma once

#include <chrono>
#include <newsdb/article_reader.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "store/postgres/connection.hpp"

namespace newsdb::postgres {

// kInvalidInput for empty SQL, a statement that is not a query (the message quotes it), and the
// server's syntax and schema errors (its own message); kStore when a statement ran longer than
// `timeout` (statement_timeout; 0 = no limit). The session gets the temporary view articles_iso.
Result<void> run_read_only_sql(Connection& conn, std::string_view sql, SqlRowSink& sink,
                               std::chrono::milliseconds timeout);

// The tables and views of the public schema, and articles_iso.
Result<std::vector<TableSchema>> read_schema(Connection& conn);

// `sql` cut into statements at top-level semicolons (quotes, dollar quotes and comments
// respected), each trimmed; empty statements are left out.
std::vector<std::string> split_statements(std::string_view sql);

}  // namespace newsdb::postgres
