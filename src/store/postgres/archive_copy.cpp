#include <algorithm>
#include <array>
#include <newsdb/migrate.hpp>
#include <newsdb/store.hpp>

#include "store/postgres/archive_endpoint.hpp"
#include "store/postgres/database_uri.hpp"

namespace newsdb {
namespace {

using postgres::ArchiveEndpoint;
using postgres::Cell;

// Every table of the schema, parents before children (foreign keys hold at every row). A table
// either store has that is not listed here stops the migration: copying "everything but" would
// not be exact.
// story_state is bookkeeping (each endpoint's finish_write sets it from the stories copied).
constexpr std::array<const char*, 12> kTables = {
    "providers", "topics",       "articles",      "article_topics", "images",
    "related",   "import_files", "import_errors", "sources",        "stories",
    "story_members", "story_keys",
};

bool is_postgres(const std::string& spec) {
  return spec.starts_with("postgresql://") || spec.starts_with("postgres://");
}

std::string shown(const std::string& spec) { return postgres::redacted(spec); }

Result<std::unique_ptr<ArchiveEndpoint>> open_endpoint(const std::string& spec, bool writable) {
  // The store itself first: it checks the schema (and creates and migrates a new target).
  auto store = open_store(spec, writable ? OpenMode::kReadWrite : OpenMode::kReadOnly);
  if (!store) return std::unexpected(store.error());
  store->reset();
  return is_postgres(spec) ? postgres::open_pg_endpoint(spec)
                           : postgres::open_sqlite_endpoint(spec, writable);
}

Result<void> check_tables(ArchiveEndpoint& end, const std::string& spec) {
  auto tables = end.tables();
  if (!tables) return std::unexpected(tables.error());
  for (const char* table : kTables) {
    if (std::find(tables->begin(), tables->end(), table) == tables->end()) {
      return fail(ErrorKind::kStore, shown(spec) + " has no table " + table);
    }
  }
  for (const auto& table : *tables) {
    if (std::find(kTables.begin(), kTables.end(), table) == kTables.end()) {
      return fail(ErrorKind::kStore, shown(spec) + " has a table this newsdb cannot migrate: " +
                                         table);
    }
  }
  return {};
}

Result<void> check_empty(ArchiveEndpoint& target, const std::string& spec) {
  for (const char* table : kTables) {
    auto rows = target.count(table);
    if (!rows) return std::unexpected(rows.error());
    if (*rows > 0) {
      return fail(ErrorKind::kInvalidInput,
                  shown(spec) + " already holds data (" + std::to_string(*rows) + " rows in " +
                      table + "); migrate into a new, empty database instead");
    }
  }
  return {};
}

Result<std::int64_t> copy_table(ArchiveEndpoint& source, ArchiveEndpoint& target,
                                const std::string& table) {
  auto from_columns = source.columns(table);
  if (!from_columns) return std::unexpected(from_columns.error());
  auto to_columns = target.columns(table);
  if (!to_columns) return std::unexpected(to_columns.error());
  for (const auto& column : *from_columns) {
    if (std::find(to_columns->begin(), to_columns->end(), column) == to_columns->end()) {
      return fail(ErrorKind::kStore, "the target has no column " + table + "." + column +
                                         " to receive the source's; both stores must be of this "
                                         "newsdb's schema");
    }
  }
  if (auto r = target.start_table(table, *from_columns); !r) return std::unexpected(r.error());
  std::int64_t rows = 0;
  auto read = source.read(table, *from_columns, [&](std::span<const Cell> row) {
    ++rows;
    return target.add_row(row);
  });
  if (!read) return std::unexpected(read.error());
  if (auto r = target.end_table(); !r) return std::unexpected(r.error());
  return rows;
}

}  // namespace

Result<MigrateReport> migrate_archive(const std::string& from, const std::string& to,
                                      const std::function<void(const TableCount&)>& progress) {
  if (from == to) {
    return fail(ErrorKind::kInvalidInput, "--from and --to name the same store; pass another --to");
  }
  auto source = open_endpoint(from, /*writable=*/false);
  if (!source) return fail(source.error().kind, "--from: " + source.error().message);
  auto target = open_endpoint(to, /*writable=*/true);
  if (!target) return fail(target.error().kind, "--to: " + target.error().message);
  if (auto r = check_tables(**source, from); !r) return std::unexpected(r.error());
  if (auto r = check_tables(**target, to); !r) return std::unexpected(r.error());
  if (auto r = check_empty(**target, to); !r) return std::unexpected(r.error());

  if (auto r = (*source)->begin_read(); !r) return std::unexpected(r.error());
  if (auto r = (*target)->begin_write(); !r) return std::unexpected(r.error());
  MigrateReport report;
  for (const char* table : kTables) {
    auto rows = copy_table(**source, **target, table);
    if (!rows) {
      return fail(rows.error().kind, "copying " + std::string(table) + ": " + rows.error().message);
    }
    report.tables.push_back(TableCount{table, *rows});
    if (progress) progress(report.tables.back());
  }
  if (auto r = (*target)->finish_write(); !r) return std::unexpected(r.error());

  // What arrived is what left, table by table.
  for (const auto& [table, rows] : report.tables) {
    auto there = (*target)->count(table);
    if (!there) return std::unexpected(there.error());
    if (*there != rows) {
      return fail(ErrorKind::kInternal, "after the copy " + table + " holds " +
                                            std::to_string(*there) + " rows instead of " +
                                            std::to_string(rows));
    }
  }
  return report;
}

}  // namespace newsdb
