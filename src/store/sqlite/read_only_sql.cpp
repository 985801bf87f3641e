#include "store/sqlite/read_only_sql.hpp"

#include <sqlite3.h>

#include <memory>
#include <vector>

#include "store/sqlite/database.hpp"

namespace newsdb::sqlite {
namespace {

// The statements here are the user's, prepared with their tail, so they are held directly rather
// than through Database::prepare (which takes one statement).
struct Finalize {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using StatementPtr = std::unique_ptr<sqlite3_stmt, Finalize>;

int deny_attach(void*, int action, const char*, const char*, const char*, const char*) {
  return action == SQLITE_ATTACH || action == SQLITE_DETACH ? SQLITE_DENY : SQLITE_OK;
}

std::string trimmed(std::string_view text) {
  auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  auto end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(begin, end - begin + 1));
}

SqlValue value_of(sqlite3_stmt* stmt, int column) {
  switch (sqlite3_column_type(stmt, column)) {
    case SQLITE_INTEGER: return static_cast<std::int64_t>(sqlite3_column_int64(stmt, column));
    case SQLITE_FLOAT: return sqlite3_column_double(stmt, column);
    case SQLITE_TEXT: {
      auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, column));
      return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, column)));
    }
    case SQLITE_BLOB: {
      auto* data = static_cast<const char*>(sqlite3_column_blob(stmt, column));
      auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt, column));
      return SqlBlob{data ? std::string(data, size) : std::string()};
    }
    default: return std::monostate{};
  }
}

Result<void> run(sqlite3_stmt* stmt, SqlRowSink& sink) {
  std::vector<std::string> names;
  for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
    const char* name = sqlite3_column_name(stmt, i);
    names.emplace_back(name ? name : "");
  }
  if (auto r = sink.columns(names); !r) return r;
  std::vector<SqlValue> values(names.size());
  for (;;) {
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) return {};
    if (rc != SQLITE_ROW) {
      return fail(ErrorKind::kInvalidInput,
                  std::string("SQL error: ") + sqlite3_errmsg(sqlite3_db_handle(stmt)));
    }
    for (int i = 0; i < static_cast<int>(values.size()); ++i) values[i] = value_of(stmt, i);
    if (auto r = sink.row(values); !r) return r;
  }
}

}  // namespace

Result<void> run_read_only_sql(const std::string& database_path, std::string_view sql,
                               SqlRowSink& sink) {
  if (trimmed(sql).empty()) {
    return fail(ErrorKind::kInvalidInput, "no SQL given: pass a statement, e.g. "
                                          "newsdb sql \"SELECT COUNT(*) FROM articles\"");
  }
  auto db = Database::open(database_path, Database::Access::kReadOnly);
  if (!db) return std::unexpected(db.error());
  sqlite3_set_authorizer(db->handle(), deny_attach, nullptr);

  // Prepare every statement first: nothing runs unless all of them only read.
  std::vector<StatementPtr> statements;
  std::string text(sql);
  const char* rest = text.c_str();
  const char* end = rest + text.size();
  while (rest < end) {
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v2(db->handle(), rest, static_cast<int>(end - rest), &raw, &tail);
    if (rc != SQLITE_OK) {
      std::string message = sqlite3_errmsg(db->handle());
      if ((rc & 0xff) == SQLITE_AUTH) message = "ATTACH and DETACH are not allowed here";
      return fail(ErrorKind::kInvalidInput, "SQL error: " + message);
    }
    std::string_view statement_text(rest, static_cast<std::size_t>(tail - rest));
    rest = tail;
    if (!raw) continue;  // whitespace or a comment
    StatementPtr owned(raw);  // finalized on every path from here
    if (!sqlite3_stmt_readonly(raw)) {
      return fail(ErrorKind::kInvalidInput,
                  "`newsdb sql` only reads, and this statement would write: " +
                      trimmed(statement_text) + " (change the store with `newsdb import`)");
    }
    statements.push_back(std::move(owned));
  }
  if (statements.empty()) {
    return fail(ErrorKind::kInvalidInput, "no SQL statement given, only comments or blanks");
  }
  for (auto& stmt : statements) {
    if (auto r = run(stmt.get(), sink); !r) return r;
  }
  return {};
}

}  // namespace newsdb::sqlite
