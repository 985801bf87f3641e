#include "store/sqlite/read_only_sql.hpp"

#include <sqlite3.h>

#include <memory>
#include <vector>

#include "store/sql_session.hpp"
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

// The session's view with readable times (store/sql_session.hpp).
constexpr const char* kCreateIsoView = R"sql(
CREATE TEMP VIEW articles_iso AS
SELECT a.id, a.url, a.title,
       strftime('%Y-%m-%dT%H:%M:%SZ', a.published_at, 'unixepoch') AS published_at,
       p.name AS provider, p.domain AS provider_domain, a.category, a.type, a.quality, a.heat,
       a.published, a.excerpt, a.topics, a.source_path,
       strftime('%Y-%m-%dT%H:%M:%SZ', a.first_seen_at, 'unixepoch') AS first_seen_at,
       strftime('%Y-%m-%dT%H:%M:%SZ', a.updated_at, 'unixepoch') AS updated_at
FROM main.articles a LEFT JOIN main.providers p ON p.id = a.provider_id
)sql";

// The time limit of one statement: only the time inside sqlite3_step counts (a slow reader of
// the output, a pipe into `less`, does not use it up).
struct StepClock {
  using Clock = std::chrono::steady_clock;
  std::chrono::milliseconds limit{0};
  Clock::duration used{};
  Clock::time_point step_started{};
  bool expired = false;

  bool over() {
    if (limit.count() > 0 && used + (Clock::now() - step_started) > limit) expired = true;
    return expired;
  }
};

// Called by SQLite every few thousand virtual machine steps; non-zero interrupts the statement.
int check_clock(void* clock) { return static_cast<StepClock*>(clock)->over() ? 1 : 0; }

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

Result<void> run(sqlite3_stmt* stmt, SqlRowSink& sink, StepClock& clock) {
  std::vector<std::string> names;
  for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
    const char* name = sqlite3_column_name(stmt, i);
    names.emplace_back(name ? name : "");
  }
  if (auto r = sink.columns(names); !r) return r;
  std::vector<SqlValue> values(names.size());
  clock.used = {};
  for (;;) {
    clock.step_started = StepClock::Clock::now();
    int rc = sqlite3_step(stmt);
    clock.used += StepClock::Clock::now() - clock.step_started;
    if (rc == SQLITE_DONE) return {};
    if (rc == SQLITE_INTERRUPT && clock.expired) return std::unexpected(store::sql_timeout_error(clock.limit));
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
                               SqlRowSink& sink, std::chrono::milliseconds timeout) {
  if (trimmed(sql).empty()) {
    return fail(ErrorKind::kInvalidInput, "no SQL given: pass a statement, e.g. "
                                          "newsdb sql \"SELECT COUNT(*) FROM articles\"");
  }
  auto db = Database::open(database_path, Database::Access::kReadOnly);
  if (!db) return std::unexpected(db.error());
  if (auto r = db->exec(kCreateIsoView); !r) return std::unexpected(r.error());
  sqlite3_set_authorizer(db->handle(), deny_attach, nullptr);
  StepClock clock{.limit = timeout};
  sqlite3_progress_handler(db->handle(), 1000, check_clock, &clock);

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
    if (auto r = run(stmt.get(), sink, clock); !r) return r;
  }
  return {};
}

Result<std::vector<TableSchema>> read_schema(const std::string& database_path) {
  auto db = Database::open(database_path, Database::Access::kReadOnly);
  if (!db) return std::unexpected(db.error());
  if (auto r = db->exec(kCreateIsoView); !r) return std::unexpected(r.error());
  // Tables and views of main and temp; the full-text index's shadow tables are internal.
  auto stmt = db->prepare(
      "SELECT m.name, m.type = 'view', c.name, c.type "
      "FROM (SELECT name, type FROM sqlite_schema UNION ALL "
      "      SELECT name, type FROM sqlite_temp_schema) m, pragma_table_info(m.name) c "
      "WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
      "  AND m.name NOT LIKE 'articles\\_fts\\_%' ESCAPE '\\' "
      "ORDER BY m.name, c.cid");
  if (!stmt) return std::unexpected(stmt.error());
  std::vector<TableSchema> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    std::string table = stmt->column_text(0);
    if (out.empty() || out.back().name != table) {
      out.push_back(TableSchema{table, stmt->column_int(1) != 0, {}});
    }
    out.back().columns.emplace_back(stmt->column_text(2), stmt->column_text(3));
  }
  return out;
}

}  // namespace newsdb::sqlite
