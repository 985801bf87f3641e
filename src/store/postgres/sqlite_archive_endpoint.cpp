// The SQLite side of a migration. It lives with the PostgreSQL backend because migrating is that
// backend's feature; it uses only SQLite's catalog and the RAII wrappers of src/store/sqlite/.
#include <optional>

#include "store/postgres/archive_endpoint.hpp"
#include "store/sqlite/database.hpp"

namespace newsdb::postgres {
namespace {

class SqliteArchiveEndpoint final : public ArchiveEndpoint {
 public:
  explicit SqliteArchiveEndpoint(sqlite::Database db) : db_(std::move(db)) {}
  ~SqliteArchiveEndpoint() override {
    // Statements before the transaction, the transaction before the database.
    insert_.reset();
    tx_.reset();
    if (reading_) (void)db_.exec("ROLLBACK");
  }

  Result<std::vector<std::string>> tables() override {
    auto catalog = read_catalog();
    if (!catalog) return std::unexpected(catalog.error());
    return catalog->plain;
  }

  Result<std::vector<std::string>> columns(const std::string& table) override {
    // hidden = 0 leaves out generated columns (and virtual tables' hidden ones).
    auto stmt = db_.prepare("SELECT name FROM pragma_table_xinfo(?1) WHERE hidden = 0 ORDER BY cid");
    if (!stmt) return std::unexpected(stmt.error());
    stmt->bind(1, table);
    std::vector<std::string> out;
    for (;;) {
      auto row = stmt->step();
      if (!row) return std::unexpected(row.error());
      if (!*row) break;
      out.push_back(stmt->column_text(0));
    }
    return out;
  }

  Result<std::int64_t> count(const std::string& table) override {
    auto stmt = db_.prepare("SELECT count(*) FROM " + quoted_identifier(table));
    if (!stmt) return std::unexpected(stmt.error());
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    return stmt->column_int(0);
  }

  Result<void> begin_read() override {
    if (auto r = db_.exec("BEGIN"); !r) return r;
    reading_ = true;
    // A deferred transaction takes its snapshot at the first read: take it now.
    auto first = count("sqlite_master");
    if (!first) return std::unexpected(first.error());
    return {};
  }

  Result<void> read(const std::string& table, const std::vector<std::string>& columns,
                    const RowSink& sink) override {
    std::string sql = "SELECT ";
    for (std::size_t i = 0; i < columns.size(); ++i) {
      sql += (i ? ", " : "") + quoted_identifier(columns[i]);
    }
    sql += " FROM " + quoted_identifier(table);
    auto stmt = db_.prepare(sql);
    if (!stmt) return std::unexpected(stmt.error());
    std::vector<Cell> row(columns.size());
    for (;;) {
      auto more = stmt->step();
      if (!more) return std::unexpected(more.error());
      if (!*more) break;
      for (std::size_t c = 0; c < columns.size(); ++c) {
        row[c] = stmt->column_optional_text(static_cast<int>(c));
      }
      if (auto sent = sink(row); !sent) return sent;
    }
    return {};
  }

  Result<void> begin_write() override {
    auto tx = sqlite::Transaction::begin(db_);
    if (!tx) return std::unexpected(tx.error());
    tx_.emplace(std::move(*tx));
    return {};
  }

  Result<void> start_table(const std::string& table,
                           const std::vector<std::string>& columns) override {
    std::string names, slots;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      names += (i ? ", " : "") + quoted_identifier(columns[i]);
      slots += (i ? ", ?" : "?") + std::to_string(i + 1);
    }
    auto stmt = db_.prepare("INSERT INTO " + quoted_identifier(table) + " (" + names +
                            ") VALUES (" + slots + ")");
    if (!stmt) return std::unexpected(stmt.error());
    insert_.emplace(std::move(*stmt));
    return {};
  }

  Result<void> add_row(std::span<const Cell> row) override {
    // Text goes into columns of INTEGER affinity as the integer it spells (SQLite's own rule), so
    // numbers and 0/1 booleans arrive typed.
    for (std::size_t c = 0; c < row.size(); ++c) insert_->bind(static_cast<int>(c + 1), row[c]);
    auto done = insert_->run();
    insert_->reset();
    return done;
  }

  Result<void> end_table() override {
    insert_.reset();
    return {};
  }

  Result<void> finish_write() override {
    auto catalog = read_catalog();
    if (!catalog) return std::unexpected(catalog.error());
    // External-content full-text indexes are derived from their tables: rebuild them.
    for (const auto& fts : catalog->fts) {
      const std::string name = quoted_identifier(fts);
      if (auto r = db_.exec("INSERT INTO " + name + " (" + name + ") VALUES ('rebuild')"); !r) {
        return r;
      }
    }
    // Stories came with their ids: the next new story takes one past the largest.
    if (auto r = db_.exec("UPDATE story_state SET last_story = max(last_story, "
                          "(SELECT coalesce(max(id), 0) FROM stories))");
        !r) {
      return r;
    }
    auto committed = tx_->commit();
    tx_.reset();
    return committed;
  }

 private:
  struct Catalog {
    std::vector<std::string> plain;  // ordinary tables
    std::vector<std::string> fts;    // FTS5 virtual tables (their shadow tables are left out)
  };

  Result<Catalog> read_catalog() {
    auto stmt = db_.prepare(
        "SELECT name, sql LIKE 'CREATE VIRTUAL TABLE%' FROM sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
    if (!stmt) return std::unexpected(stmt.error());
    Catalog catalog;
    std::vector<std::string> all;
    for (;;) {
      auto row = stmt->step();
      if (!row) return std::unexpected(row.error());
      if (!*row) break;
      (stmt->column_int(1) ? catalog.fts : all).push_back(stmt->column_text(0));
    }
    for (const auto& name : all) {
      bool shadow = false;
      for (const auto& fts : catalog.fts) shadow = shadow || name.starts_with(fts + "_");
      if (!shadow && name != "story_state") catalog.plain.push_back(name);
    }
    return catalog;
  }

  sqlite::Database db_;
  bool reading_ = false;
  std::optional<sqlite::Transaction> tx_;
  std::optional<sqlite::Statement> insert_;
};

}  // namespace

Result<std::unique_ptr<ArchiveEndpoint>> open_sqlite_endpoint(const std::string& path,
                                                              bool writable) {
  auto db = sqlite::Database::open(
      path, writable ? sqlite::Database::Access::kReadWrite : sqlite::Database::Access::kReadOnly);
  if (!db) return std::unexpected(db.error());
  return std::unique_ptr<ArchiveEndpoint>(std::make_unique<SqliteArchiveEndpoint>(std::move(*db)));
}

}  // namespace newsdb::postgres
