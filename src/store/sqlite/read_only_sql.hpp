// `newsdb sql`: the user's SQL on a connection of its own that cannot write.
//
// Three locks, so that no statement can change the store: the connection is opened read-only;
// every statement is prepared and checked with sqlite3_stmt_readonly() before the first one runs
// (so "SELECT 1; DELETE FROM articles" runs nothing); and an authorizer refuses ATTACH and DETACH
// (which could name other files). Each statement runs under a time limit (a progress handler
// that interrupts it); the connection has the temporary view `articles_iso`.
#pragma once

#include <chrono>
#include <newsdb/article_reader.hpp>
#include <string>
#include <string_view>

namespace newsdb::sqlite {

// kInvalidInput: empty SQL, a syntax or schema error, or a statement that would write (the message
// quotes it). kNotFound when `database_path` does not exist. kStore when a statement ran longer
// than `timeout` (0 = no limit), counting only the time SQLite spends on it.
Result<void> run_read_only_sql(const std::string& database_path, std::string_view sql,
                               SqlRowSink& sink, std::chrono::milliseconds timeout);

// The tables and views of the database at `database_path`, `articles_iso` included.
Result<std::vector<TableSchema>> read_schema(const std::string& database_path);

}  // namespace newsdb::sqlite
