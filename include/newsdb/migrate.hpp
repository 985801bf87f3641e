// Moving a whole archive from one store to another: SQLite to PostgreSQL and back.
//
// The copy is exact: every row of every table — articles with all their fields and ids, topics,
// providers, images, related entries, import records, import errors and feed sources — arrives
// as it was, so ids, content hashes and timestamps survive and a re-import after a migration finds
// its files and articles unchanged. Full-text indexes are rebuilt on the target.
#pragma once

#include <cstdint>
#include <functional>
#include <newsdb/error.hpp>
#include <string>
#include <vector>

namespace newsdb {

struct TableCount {
  std::string table;
  std::int64_t rows = 0;
};

struct MigrateReport {
  std::vector<TableCount> tables;  // rows copied, in copy order
};

// Copies the archive at `from` into `to` (each a SQLite path or a postgresql:// URI, as --db
// takes them). The source is read in one consistent snapshot and never written; the target is
// created when missing and must hold no data (kInvalidInput otherwise, saying so): it is written
// in one transaction, so a failure leaves it as it was. After the copy, the row counts of both
// sides are compared table by table.
//
// `progress`, when set, is called after each table with its name and the rows copied.
Result<MigrateReport> migrate_archive(
    const std::string& from, const std::string& to,
    const std::function<void(const TableCount&)>& progress = {});

}  // namespace newsdb
