#include "store/postgres/connection.hpp"

#include <libpq-fe.h>

#include <chrono>
#include <cstdlib>
#include <random>
#include <thread>

namespace newsdb::postgres {
namespace {

std::string trimmed(std::string message) {
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return message;
}

// libpq prints NOTICEs (e.g. "relation already exists, skipping") on stderr by default; the
// library never prints.
void ignore_notice(void*, const char*) {}

}  // namespace

// --- PgResult ---------------------------------------------------------------------------------

PgResult::~PgResult() {
  if (result_) PQclear(result_);
}

PgResult& PgResult::operator=(PgResult&& other) noexcept {
  if (this != &other) {
    if (result_) PQclear(result_);
    result_ = std::exchange(other.result_, nullptr);
  }
  return *this;
}

int PgResult::rows() const { return result_ ? PQntuples(result_) : 0; }
int PgResult::columns() const { return result_ ? PQnfields(result_) : 0; }
std::string PgResult::column_name(int column) const {
  const char* name = PQfname(result_, column);
  return name ? name : "";
}
unsigned PgResult::column_type(int column) const { return PQftype(result_, column); }

bool PgResult::is_null(int row, int column) const {
  return PQgetisnull(result_, row, column) == 1;
}

std::string_view PgResult::text(int row, int column) const {
  return {PQgetvalue(result_, row, column),
          static_cast<std::size_t>(PQgetlength(result_, row, column))};
}

std::int64_t PgResult::int64(int row, int column) const {
  if (is_null(row, column)) return 0;
  return std::strtoll(PQgetvalue(result_, row, column), nullptr, 10);
}

bool PgResult::boolean(int row, int column) const {
  return !is_null(row, column) && PQgetvalue(result_, row, column)[0] == 't';
}

std::optional<std::string> PgResult::opt_text(int row, int column) const {
  if (is_null(row, column)) return std::nullopt;
  return std::string(text(row, column));
}

std::optional<std::int64_t> PgResult::opt_int64(int row, int column) const {
  if (is_null(row, column)) return std::nullopt;
  return int64(row, column);
}

std::optional<bool> PgResult::opt_boolean(int row, int column) const {
  if (is_null(row, column)) return std::nullopt;
  return boolean(row, column);
}

std::int64_t PgResult::affected() const {
  const char* n = result_ ? PQcmdTuples(result_) : "";
  return *n ? std::strtoll(n, nullptr, 10) : 0;
}

// --- Params -----------------------------------------------------------------------------------

Params& Params::add(std::string value) {
  values_.emplace_back(std::move(value));
  return *this;
}

Params& Params::add_null() {
  values_.emplace_back(std::nullopt);
  return *this;
}

std::vector<const char*> Params::pointers() const {
  std::vector<const char*> out;
  out.reserve(values_.size());
  for (const auto& v : values_) out.push_back(v ? v->c_str() : nullptr);
  return out;
}

// --- Connection -------------------------------------------------------------------------------

Result<Connection> Connection::open(const std::string& uri) {
  // Later keywords override the URI's own: the store needs UTF-8 whatever the URI says.
  const char* keys[] = {"application_name", "dbname", "client_encoding", nullptr};
  const char* values[] = {"newsdb", uri.c_str(), "UTF8", nullptr};
  Connection conn(PQconnectdbParams(keys, values, /*expand_dbname=*/1));
  if (!conn.conn_) return fail(ErrorKind::kStore, "out of memory connecting to PostgreSQL");
  if (PQstatus(conn.conn_) != CONNECTION_OK) {
    std::string where = std::string("database \"") + (PQdb(conn.conn_) ? PQdb(conn.conn_) : "") +
                        "\" on " + (PQhost(conn.conn_) ? PQhost(conn.conn_) : "?") + ":" +
                        (PQport(conn.conn_) ? PQport(conn.conn_) : "?");
    return fail(ErrorKind::kStore, "cannot connect to PostgreSQL " + where + ": " +
                                       trimmed(PQerrorMessage(conn.conn_)) +
                                       " (is the server running? `bash scripts/pg_server.sh "
                                       "start` starts a local one and prints its URI)");
  }
  PQsetNoticeProcessor(conn.conn_, ignore_notice, nullptr);
  return conn;
}

Connection::~Connection() {
  if (conn_) PQfinish(conn_);
}

Connection::Connection(Connection&& other) noexcept
    : conn_(std::exchange(other.conn_, nullptr)),
      prepared_(std::move(other.prepared_)),
      last_sqlstate_(std::move(other.last_sqlstate_)) {}

Connection& Connection::operator=(Connection&& other) noexcept {
  if (this != &other) {
    if (conn_) PQfinish(conn_);
    conn_ = std::exchange(other.conn_, nullptr);
    prepared_ = std::move(other.prepared_);
    last_sqlstate_ = std::move(other.last_sqlstate_);
  }
  return *this;
}

Result<PgResult> Connection::check(pg_result* raw, std::string_view what) {
  PgResult result(raw);
  auto status = raw ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_COPY_IN) {
    last_sqlstate_.clear();
    return result;
  }
  const char* state = raw ? PQresultErrorField(raw, PG_DIAG_SQLSTATE) : nullptr;
  last_sqlstate_ = state ? state : "";
  std::string message = raw ? PQresultErrorMessage(raw) : "";
  if (message.empty()) message = PQerrorMessage(conn_);
  return fail(ErrorKind::kStore, "PostgreSQL (" + std::string(what) + "): " + trimmed(message));
}

Result<PgResult> Connection::exec(const std::string& sql, const Params& params) {
  if (params.size() == 0) return check(PQexec(conn_, sql.c_str()), "statement");
  auto values = params.pointers();
  return check(PQexecParams(conn_, sql.c_str(), params.size(), nullptr, values.data(), nullptr,
                            nullptr, 0),
               "statement");
}

Result<void> Connection::prepare(const std::string& name, const std::string& sql) {
  auto prepared = check(PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr), name);
  if (!prepared) return std::unexpected(prepared.error());
  return {};
}

Result<PgResult> Connection::exec_prepared(const std::string& name, const std::string& sql,
                                           const Params& params) {
  if (!prepared_.contains(name)) {
    auto prepared = check(PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr), name);
    if (!prepared) return prepared;
    prepared_.insert(name);
  }
  auto values = params.pointers();
  return check(PQexecPrepared(conn_, name.c_str(), params.size(), values.data(), nullptr, nullptr,
                              0),
               name);
}

Result<std::int64_t> Connection::copy_in(const std::string& copy_sql, std::string_view data) {
  auto started = check(PQexec(conn_, copy_sql.c_str()), "COPY");
  if (!started) return std::unexpected(started.error());
  // PQputCopyData takes an int length: send large buffers in pieces.
  constexpr std::size_t kChunk = 1u << 20;
  for (std::size_t at = 0; at < data.size(); at += kChunk) {
    auto n = std::min(kChunk, data.size() - at);
    if (PQputCopyData(conn_, data.data() + at, static_cast<int>(n)) != 1) break;
  }
  PQputCopyEnd(conn_, nullptr);
  // The COPY's own result, then the end of the command.
  std::int64_t rows = 0;
  Result<std::int64_t> outcome = 0;
  while (pg_result* raw = PQgetResult(conn_)) {
    auto r = check(raw, "COPY");
    if (!r && outcome) outcome = std::unexpected(r.error());
    if (r) rows += r->affected();
  }
  if (!outcome) return outcome;
  return rows;
}

bool Connection::last_failure_transient() const {
  return last_sqlstate_ == "40001" || last_sqlstate_ == "40P01";
}

std::string Connection::database_name() const {
  const char* db = conn_ ? PQdb(conn_) : nullptr;
  return db ? db : "";
}

void Connection::rollback_quietly() {
  if (conn_) PQclear(PQexec(conn_, "ROLLBACK"));
}

// --- Transaction ------------------------------------------------------------------------------

Result<Transaction> Transaction::begin(Connection& conn, Kind kind) {
  const char* sql = kind == Kind::kWrite ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY";
  if (auto r = conn.exec(sql); !r) return std::unexpected(r.error());
  return Transaction(conn);
}

Transaction::~Transaction() {
  if (conn_) conn_->rollback_quietly();
}

Result<void> Transaction::commit() {
  auto* conn = std::exchange(conn_, nullptr);
  if (auto r = conn->exec("COMMIT"); !r) return std::unexpected(r.error());
  return {};
}

// --- retries ----------------------------------------------------------------------------------

void pause_before_retry(int attempt) {
  // Jitter keeps two writers that collided from colliding again in lockstep.
  thread_local std::minstd_rand rng{std::random_device{}()};
  auto base = std::chrono::milliseconds(5 << std::min(attempt, 6));
  std::uniform_int_distribution<long> jitter(0, base.count());
  std::this_thread::sleep_for(base + std::chrono::milliseconds(jitter(rng)));
}

}  // namespace newsdb::postgres
