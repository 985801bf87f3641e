// RAII owners for SQLite handles (after nix's sqlite.hh): a connection, prepared statements and a
// transaction that rolls back unless committed. Errors come back as Result values carrying
// SQLite's own message; SQLITE_BUSY is waited out by the busy timeout set on open.
//
// Not thread-safe: one Database and its Statements belong to one thread at a time.
#pragma once

#include <cstdint>
#include <newsdb/error.hpp>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace newsdb::sqlite {

class Statement;

// How long a connection waits out another's lock (SQLITE_BUSY) before it gives up: long enough for
// another process's import batch to commit; short enough that a stuck peer is reported rather
// than waited on forever.
inline constexpr int kBusyTimeoutMs = 60'000;

class Database {
 public:
  enum class Access { kReadWrite, kReadOnly };

  // Opens (and with kReadWrite creates) the file at `path`. Sets the busy timeout, foreign keys on.
  static Result<Database> open(const std::string& path, Access access);

  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // Runs one or more statements with no parameters and no rows (DDL, PRAGMA assignments).
  Result<void> exec(std::string_view sql);
  Result<Statement> prepare(std::string_view sql);

  // SQLite's extended result code of the last failed call (SQLITE_NOTADB, ...).
  int error_code() const;
  // Whether a transaction is open (SQLite rolls one back by itself after some failures: I/O, a
  // full disk, no memory).
  bool in_transaction() const;
  // True when SQLite could open the file for reading only (a read-only file or folder), whatever
  // Access asked for.
  bool read_only() const;

  std::int64_t last_insert_rowid() const;
  int changes() const;
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

  // An Error of kind kStore with "what: sqlite's message" (kIo for disk-full and I/O errors; a
  // full disk and a read-only database also say what to do).
  Error error(std::string_view what) const;

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_ = nullptr;
  std::string path_;
};

// A prepared statement. Bind with 1-based indexes; step() until it returns false; reset() to
// reuse (bindings are cleared too).
class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view text);  // copied by SQLite (SQLITE_TRANSIENT)
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  // Not copied (SQLITE_STATIC): `text` must stay valid and unchanged until the statement is reset
  // (run() resets). For the writer's hot path, where copying every body and blob showed up.
  Statement& bind_view(int index, std::string_view text);
  Statement& bind_view(int index, const std::string& text) {
    return bind_view(index, std::string_view(text));
  }
  Statement& bind_view(int index, const std::optional<std::string>& text) {
    return text ? bind_view(index, std::string_view(*text)) : bind_null(index);
  }
  Statement& bind_null(int index);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }

  // True while a row is available; false when done. Errors carry the statement's SQL.
  Result<bool> step();
  // Steps to completion, ignoring rows.
  Result<void> run();
  void reset();

  bool is_null(int column) const;
  std::int64_t column_int(int column) const;
  double column_double(int column) const;
  std::string column_text(int column) const;           // "" for NULL
  std::string_view column_view(int column) const;      // valid until the next step/reset
  std::optional<std::string> column_optional_text(int column) const;
  std::optional<std::int64_t> column_optional_int(int column) const;
  int column_count() const;
  std::string column_name(int column) const;

  sqlite3_stmt* handle() const { return stmt_; }

 private:
  friend class Database;
  Statement(sqlite3_stmt* stmt, Database* db) : stmt_(stmt), db_(db) {}
  sqlite3_stmt* stmt_ = nullptr;
  Database* db_ = nullptr;
};

// BEGIN IMMEDIATE on construction (so a writer takes the write lock up front and never fails
// half-way with SQLITE_BUSY on lock upgrade); ROLLBACK on destruction unless commit() succeeded.
class Transaction {
 public:
  enum class Kind { kDeferred, kImmediate };
  static Result<Transaction> begin(Database& db, Kind kind = Kind::kImmediate);

  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  ~Transaction();

  Result<void> commit();

 private:
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_ = nullptr;  // null once committed or rolled back
};

}  // namespace newsdb::sqlite
