// `newsdb sql`: the user's SQL on a connection of its own that cannot write.
//
// Three locks, so that no statement can change the store: the connection is opened read-only;
// every statement is prepared and checked with sqlite3_stmt_readonly() before the first one runs
// (so "SELECT 1; DELETE FROM articles" runs nothing); and an authorizer refuses ATTACH and DETACH
// (which could name other files).
#pragma once

#include <newsdb/article_reader.hpp>
#include <string>
#include <string_view>

namespace newsdb::sqlite {

// kInvalidInput: empty SQL, a syntax or schema error, or a statement that would write (the message
// quotes it). kNotFound when `database_path` does not exist.
Result<void> run_read_only_sql(const std::string& database_path, std::string_view sql,
                               SqlRowSink& sink);

}  // namespace newsdb::sqlite
