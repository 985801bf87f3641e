// One side of a migration (see <newsdb/migrate.hpp>): a store seen as plain tables of text cells.
//
// Cells travel as text (NULL as nullopt), which both engines read back into their own types:
// integers as decimal, booleans as 0/1 (PostgreSQL's are cast to integers when read, and it
// accepts 0/1 for its booleans when written). Table and column names come from the stores' own
// catalogs, checked against the known table list, and are quoted as identifiers; no value is ever
// part of SQL text.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <newsdb/error.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace newsdb::postgres {

using Cell = std::optional<std::string>;
using RowSink = std::function<Result<void>(std::span<const Cell>)>;

class ArchiveEndpoint {
 public:
  virtual ~ArchiveEndpoint() = default;

  // The store's tables, internal ones left out (schema bookkeeping, full-text index shadows).
  virtual Result<std::vector<std::string>> tables() = 0;
  // The columns a copy moves: generated columns left out.
  virtual Result<std::vector<std::string>> columns(const std::string& table) = 0;
  virtual Result<std::int64_t> count(const std::string& table) = 0;

  // Reading: a consistent snapshot from begin_read() on.
  virtual Result<void> begin_read() = 0;
  virtual Result<void> read(const std::string& table, const std::vector<std::string>& columns,
                            const RowSink& sink) = 0;

  // Writing: one transaction from begin_write() to finish_write(), which also brings derived
  // state up to date (identity sequences, full-text index) and commits.
  virtual Result<void> begin_write() = 0;
  virtual Result<void> start_table(const std::string& table,
                                   const std::vector<std::string>& columns) = 0;
  virtual Result<void> add_row(std::span<const Cell> row) = 0;
  virtual Result<void> end_table() = 0;
  virtual Result<void> finish_write() = 0;
};

// `spec` is checked to be a newsdb store of the current schema first (opened read-only for a
// source; created and migrated for a target).
Result<std::unique_ptr<ArchiveEndpoint>> open_pg_endpoint(const std::string& uri);
Result<std::unique_ptr<ArchiveEndpoint>> open_sqlite_endpoint(const std::string& path,
                                                              bool writable);

// "name" quoted as an SQL identifier (both engines accept the double-quoted form).
std::string quoted_identifier(const std::string& name);

}  // namespace newsdb::postgres
