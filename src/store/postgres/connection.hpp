// libpq, owned: a connection, its results, and transactions, with errors as values.
//
// Every value reaches the server as a bound parameter (text format) or as COPY data, never as SQL
// text. The header forward-declares libpq's structs so that nothing outside src/store/postgres/
// needs libpq-fe.h.
//
// A Connection is used from one thread at a time. Errors are Error{kStore} with the server's
// message; the SQLSTATE of the last failure is kept so callers can tell transient failures
// (serialization failure, deadlock) from real ones.
#pragma once

#include <cstdint>
#include <newsdb/error.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

struct pg_conn;
struct pg_result;

namespace newsdb::postgres {

// Owns one PGresult. Cells are read as text (the protocol's text format); NULL reads as nullopt.
class PgResult {
 public:
  PgResult() = default;
  explicit PgResult(pg_result* result) noexcept : result_(result) {}
  ~PgResult();
  PgResult(PgResult&& other) noexcept : result_(std::exchange(other.result_, nullptr)) {}
  PgResult& operator=(PgResult&& other) noexcept;
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;

  int rows() const;
  int columns() const;
  std::string column_name(int column) const;
  unsigned column_type(int column) const;  // the type's OID (pg_type.oid)
  bool is_null(int row, int column) const;
  std::string_view text(int row, int column) const;  // "" for NULL
  std::int64_t int64(int row, int column) const;     // 0 for NULL
  bool boolean(int row, int column) const;            // false for NULL
  std::optional<std::string> opt_text(int row, int column) const;
  std::optional<std::int64_t> opt_int64(int row, int column) const;
  std::optional<bool> opt_boolean(int row, int column) const;
  // The number of rows an INSERT/UPDATE/DELETE touched.
  std::int64_t affected() const;

 private:
  pg_result* result_ = nullptr;
};

// Text-format parameters for one statement, $1 first.
class Params {
 public:
  Params& add(std::string value);
  Params& add(std::string_view value) { return add(std::string(value)); }
  Params& add(const char* value) { return add(std::string(value)); }
  Params& add(std::int64_t value) { return add(std::to_string(value)); }
  Params& add(int value) { return add(std::to_string(value)); }
  Params& add(bool value) { return add(std::string(value ? "t" : "f")); }
  Params& add_null();
  template <typename T>
  Params& add(const std::optional<T>& value) {
    return value ? add(*value) : add_null();
  }

  int size() const { return static_cast<int>(values_.size()); }
  // Pointers valid until the next add.
  std::vector<const char*> pointers() const;

 private:
  std::vector<std::optional<std::string>> values_;
};

class Connection {
 public:
  // Connects to `uri` (a postgresql:// URI or a key=value conninfo string) with UTF-8 client
  // encoding. A failure says where it tried and how to start a server.
  static Result<Connection> open(const std::string& uri);

  ~Connection();
  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&& other) noexcept;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // One statement (or, without parameters, several separated by ';').
  Result<PgResult> exec(const std::string& sql, const Params& params = {});
  // Parses and plans `sql` under `name` without running it (errors come back as for exec).
  Result<void> prepare(const std::string& name, const std::string& sql);
  // Prepares `sql` under `name` on first use in this session, then executes it.
  Result<PgResult> exec_prepared(const std::string& name, const std::string& sql,
                                 const Params& params);
  // Runs `copy_sql` (COPY ... FROM STDIN) and sends `data`, already in COPY text format.
  Result<std::int64_t> copy_in(const std::string& copy_sql, std::string_view data);

  // The SQLSTATE of the last failed call ("" when it failed without one, e.g. a lost connection).
  const std::string& last_sqlstate() const { return last_sqlstate_; }
  // True when the last failure is worth retrying the whole transaction: serialization failure
  // (40001) or deadlock detected (40P01).
  bool last_failure_transient() const;

  // The database's name, for messages.
  std::string database_name() const;

  // ROLLBACK, keeping last_sqlstate() as the failure that caused it left it.
  void rollback_quietly();

 private:
  explicit Connection(pg_conn* conn) noexcept : conn_(conn) {}
  Result<PgResult> check(pg_result* result, std::string_view what);

  pg_conn* conn_ = nullptr;
  std::unordered_set<std::string> prepared_;
  std::string last_sqlstate_;
};

// BEGIN on construction, ROLLBACK on destruction unless committed.
class Transaction {
 public:
  enum class Kind {
    kWrite,     // READ COMMITTED: each statement sees what is committed when it starts
    kSnapshot,  // REPEATABLE READ, READ ONLY: every statement sees one snapshot
  };
  static Result<Transaction> begin(Connection& conn, Kind kind = Kind::kWrite);
  ~Transaction();
  Transaction(Transaction&& other) noexcept : conn_(std::exchange(other.conn_, nullptr)) {}
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  Result<void> commit();

 private:
  explicit Transaction(Connection& conn) : conn_(&conn) {}
  Connection* conn_;
};

// Runs `attempt` (which opens and commits its own transaction) again while it fails with a
// transient error, up to a few times with a short, growing, jittered pause between attempts.
template <typename F>
auto with_retry(Connection& conn, F&& attempt) -> decltype(attempt());

void pause_before_retry(int attempt);
inline constexpr int kMaxAttempts = 8;

template <typename F>
auto with_retry(Connection& conn, F&& attempt) -> decltype(attempt()) {
  for (int i = 1;; ++i) {
    auto result = attempt();
    if (result || i == kMaxAttempts || !conn.last_failure_transient()) return result;
    pause_before_retry(i);
  }
}

}  // namespace newsdb::postgres
