#include "store/sqlite/database.hpp"

#include <sqlite3.h>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <system_error>
#include <thread>
#include <utility>

#include "store/sqlite/fts_tokenizer.hpp"

namespace newsdb::sqlite {
namespace {

ErrorKind kind_for(int code) {
  switch (code & 0xff) {
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return ErrorKind::kIo;
    default:
      return ErrorKind::kStore;
  }
}

// SQLite's message plus what the user can do about it, for the failures a user causes: a full
// disk and a database this user may not write. SQLite says SQLITE_FULL only for ENOSPC; a file
// size limit (EFBIG) or a quota comes back as SQLITE_IOERR_WRITE, and by then errno has often
// been overwritten by the rollback (sqlite3_system_errno reads the global errno), so a failed
// write is explained as what it almost always is.
std::string explained(sqlite3* db, int code, std::string message, const std::string& path) {
  int system_errno = db ? sqlite3_system_errno(db) : 0;
  bool full = (code & 0xff) == SQLITE_FULL || code == SQLITE_IOERR_WRITE ||
              ((code & 0xff) == SQLITE_IOERR &&
               (system_errno == ENOSPC || system_errno == EFBIG || system_errno == EDQUOT));
  if (full) {
    return message + " (writing " + path + " failed: the disk is full or a file size limit " +
           "was reached; free some space and run it again: what was written before is kept)";
  }
  if (code == SQLITE_READONLY_DIRECTORY) {
    return message + " (" + path + " is in a folder this user cannot write, and SQLite must " +
           "create " + path + "-shm beside it: make the folder writable, or copy the database)";
  }
  if ((code & 0xff) == SQLITE_READONLY) {
    return message + " (" + path + " or its folder is read-only for this user: check the " +
           "permissions, or pass another --db)";
  }
  return message;
}

// Process-wide settings, made once before SQLite initialises (after that sqlite3_config refuses,
// harmlessly). Memory statistics off: with them on, every allocation SQLite makes takes a global
// mutex to count it, ~2% of the import's writer thread; newsdb never reads the statistics.
void configure_sqlite_once() {
  static const bool configured = [] {
    (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
}

}  // namespace

Result<Database> Database::open(const std::string& path, Access access) {
  configure_sqlite_once();
  // SQLite says only "disk I/O error" (or "unable to open database file") for a folder.
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    std::string file = path;
    if (!file.ends_with('/')) file += '/';
    return fail(ErrorKind::kInvalidInput, path + " is a folder, not a database file: name a " +
                                              "file instead, for example " + file +
                                              "newsdb.sqlite");
  }
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_NOMUTEX | (access == Access::kReadOnly
                                         ? SQLITE_OPEN_READONLY
                                         : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    return fail(kind_for(rc), "cannot open database " + path + ": " + message);
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  Database out(db, path);
  if (auto r = register_fts_tokenizer(db); !r) return std::unexpected(r.error());
  if (auto r = out.exec("PRAGMA foreign_keys = ON"); !r) return std::unexpected(r.error());
  return out;
}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    if (db_) sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
  }
  return *this;
}

Database::~Database() {
  if (db_) sqlite3_close_v2(db_);
}

Error Database::error(std::string_view what) const {
  int code = db_ ? sqlite3_extended_errcode(db_) : SQLITE_ERROR;
  std::string message(what);
  message += ": ";
  message += db_ ? sqlite3_errmsg(db_) : "no database";
  return Error{kind_for(code), explained(db_, code, std::move(message), path_)};
}

Result<void> Database::exec(std::string_view sql) {
  std::string owned(sql);
  char* message = nullptr;
  int rc = sqlite3_exec(db_, owned.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string text = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    return fail(kind_for(rc), explained(db_, rc, "database " + path_ + ": " + text, path_));
  }
  return {};
}

Result<Statement> Database::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return std::unexpected(error("preparing \"" + std::string(sql) + "\""));
  return Statement(stmt, this);
}

int Database::error_code() const { return db_ ? sqlite3_extended_errcode(db_) : SQLITE_ERROR; }
bool Database::in_transaction() const {
  return db_ && sqlite3_get_autocommit(db_) == 0;
}
bool Database::read_only() const { return db_ && sqlite3_db_readonly(db_, "main") == 1; }

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
int Database::changes() const { return sqlite3_changes(db_); }

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)), db_(other.db_) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    if (stmt_) sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
    db_ = other.db_;
  }
  return *this;
}

Statement::~Statement() {
  if (stmt_) sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}
Statement& Statement::bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}
Statement& Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}
Statement& Statement::bind_view(int index, std::string_view text) {
  sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8);
  return *this;
}
Statement& Statement::bind_null(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Result<bool> Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  const char* sql = sqlite3_sql(stmt_);
  Error e = db_->error(std::string("running \"") + (sql ? sql : "?") + "\"");
  sqlite3_reset(stmt_);
  return std::unexpected(std::move(e));
}

Result<void> Statement::run() {
  for (;;) {
    auto more = step();
    if (!more) return std::unexpected(more.error());
    if (!*more) break;
  }
  reset();
  return {};
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}
std::int64_t Statement::column_int(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::column_double(int column) const { return sqlite3_column_double(stmt_, column); }
std::string_view Statement::column_view(int column) const {
  auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (!p) return {};
  return std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}
std::string Statement::column_text(int column) const { return std::string(column_view(column)); }
std::optional<std::string> Statement::column_optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return column_text(column);
}
std::optional<std::int64_t> Statement::column_optional_int(int column) const {
  if (is_null(column)) return std::nullopt;
  return column_int(column);
}
int Statement::column_count() const { return sqlite3_column_count(stmt_); }
std::string Statement::column_name(int column) const {
  const char* n = sqlite3_column_name(stmt_, column);
  return n ? n : "";
}

Result<Transaction> Transaction::begin(Database& db, Kind kind) {
  auto r = db.exec(kind == Kind::kImmediate ? "BEGIN IMMEDIATE" : "BEGIN");
  if (!r) return std::unexpected(r.error());
  return Transaction(&db);
}

Transaction::Transaction(Transaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Transaction::~Transaction() {
  if (db_) (void)db_->exec("ROLLBACK");
}

Result<void> Transaction::commit() {
  if (!db_) return fail(ErrorKind::kInternal, "commit of a finished transaction");
  auto r = db_->exec("COMMIT");
  if (!r) return r;  // still open: the destructor rolls back
  db_ = nullptr;
  return {};
}

}  // namespace newsdb::sqlite
