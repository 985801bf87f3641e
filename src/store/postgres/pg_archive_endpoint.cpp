#include <algorithm>
#include <map>
#include <newsdb/store.hpp>
#include <set>

#include "store/postgres/archive_endpoint.hpp"
#include "store/postgres/connection.hpp"
#include "store/postgres/copy_text.hpp"
#include "store/postgres/search_index.hpp"

namespace newsdb::postgres {
namespace {

// COPY data is sent in pieces of about this size, so memory stays flat however big the archive.
constexpr std::size_t kFlushBytes = 8u << 20;
constexpr int kFetchRows = 2000;

class PgArchiveEndpoint final : public ArchiveEndpoint {
 public:
  explicit PgArchiveEndpoint(Connection conn) : conn_(std::move(conn)) {}
  ~PgArchiveEndpoint() override {
    if (in_transaction_) conn_.rollback_quietly();
  }

  Result<std::vector<std::string>> tables() override {
    auto rows = conn_.exec(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
        "AND tablename <> 'newsdb_meta' AND tablename <> 'story_state' ORDER BY 1");
    if (!rows) return std::unexpected(rows.error());
    std::vector<std::string> out;
    for (int i = 0; i < rows->rows(); ++i) out.emplace_back(rows->text(i, 0));
    return out;
  }

  Result<std::vector<std::string>> columns(const std::string& table) override {
    auto rows = conn_.exec(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' "
        "ORDER BY ordinal_position",
        Params().add(table));
    if (!rows) return std::unexpected(rows.error());
    std::vector<std::string> out;
    for (int i = 0; i < rows->rows(); ++i) {
      // articles.search is derived from the article's text: rebuilt, never copied.
      if (table == "articles" && rows->text(i, 0) == "search") continue;
      out.emplace_back(rows->text(i, 0));
      if (rows->text(i, 1) == "boolean") booleans_.insert(table + "." + out.back());
    }
    return out;
  }

  Result<std::int64_t> count(const std::string& table) override {
    auto rows = conn_.exec("SELECT count(*) FROM " + quoted_identifier(table));
    if (!rows) return std::unexpected(rows.error());
    return rows->int64(0, 0);
  }

  Result<void> begin_read() override {
    return begin("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
  }

  Result<void> read(const std::string& table, const std::vector<std::string>& columns,
                    const RowSink& sink) override {
    std::string select = "SELECT ";
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (i) select += ", ";
      select += quoted_identifier(columns[i]);
      // Booleans leave as 0/1, which SQLite stores as the integers its schema expects.
      if (booleans_.contains(table + "." + columns[i])) select += "::integer";
    }
    select += " FROM " + quoted_identifier(table);
    if (auto r = conn_.exec("DECLARE newsdb_migrate NO SCROLL CURSOR FOR " + select); !r) {
      return std::unexpected(r.error());
    }
    std::vector<Cell> row(columns.size());
    for (;;) {
      auto batch = conn_.exec("FETCH " + std::to_string(kFetchRows) + " FROM newsdb_migrate");
      if (!batch) return std::unexpected(batch.error());
      for (int r = 0; r < batch->rows(); ++r) {
        for (std::size_t c = 0; c < columns.size(); ++c) {
          row[c] = batch->opt_text(r, static_cast<int>(c));
        }
        if (auto sent = sink(row); !sent) return sent;
      }
      if (batch->rows() < kFetchRows) break;
    }
    if (auto r = conn_.exec("CLOSE newsdb_migrate"); !r) return std::unexpected(r.error());
    return {};
  }

  Result<void> begin_write() override { return begin("BEGIN"); }

  Result<void> start_table(const std::string& table,
                           const std::vector<std::string>& columns) override {
    copy_sql_ = "COPY " + quoted_identifier(table) + " (";
    for (std::size_t i = 0; i < columns.size(); ++i) {
      copy_sql_ += (i ? ", " : "") + quoted_identifier(columns[i]);
    }
    copy_sql_ += ") FROM STDIN";
    if (std::find(columns.begin(), columns.end(), "id") != columns.end()) {
      with_identity_.push_back(table);
    }
    if (table == "articles") wrote_articles_ = true;
    rows_ = CopyText();
    return {};
  }

  Result<void> add_row(std::span<const Cell> row) override {
    for (const Cell& cell : row) rows_.field(cell);
    rows_.end_row();
    if (rows_.data().size() >= kFlushBytes) return flush();
    return {};
  }

  Result<void> end_table() override { return flush(); }

  Result<void> finish_write() override {
    // Rows came with their ids: move each identity past the largest, so that the next article
    // written here gets a fresh one.
    for (const auto& table : with_identity_) {
      auto max = conn_.exec("SELECT max(id) FROM " + quoted_identifier(table));
      if (!max) return std::unexpected(max.error());
      if (max->is_null(0, 0)) continue;
      auto set = conn_.exec("SELECT setval(pg_get_serial_sequence($1, 'id'), $2::bigint)",
                            Params().add(table).add(max->int64(0, 0)));
      if (!set) return std::unexpected(set.error());
    }
    if (wrote_articles_) {
      if (auto r = rebuild_search_index(conn_); !r) return std::unexpected(r.error());
    }
    // Stories came with their ids: the next new story takes one past the largest.
    if (auto r = conn_.exec("UPDATE story_state SET last_story = greatest(last_story, "
                            "(SELECT coalesce(max(id), 0) FROM stories))");
        !r) {
      return std::unexpected(r.error());
    }
    auto committed = conn_.exec("COMMIT");
    in_transaction_ = false;
    if (!committed) return std::unexpected(committed.error());
    return {};
  }

 private:
  Result<void> begin(const char* sql) {
    if (auto r = conn_.exec(sql); !r) return std::unexpected(r.error());
    in_transaction_ = true;
    return {};
  }

  Result<void> flush() {
    if (rows_.empty()) return {};
    auto copied = conn_.copy_in(copy_sql_, rows_.data());
    rows_ = CopyText();
    if (!copied) return std::unexpected(copied.error());
    return {};
  }

  Connection conn_;
  bool in_transaction_ = false;
  std::set<std::string> booleans_;  // "table.column"
  std::string copy_sql_;
  CopyText rows_;
  std::vector<std::string> with_identity_;
  bool wrote_articles_ = false;
};

}  // namespace

std::string quoted_identifier(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

Result<std::unique_ptr<ArchiveEndpoint>> open_pg_endpoint(const std::string& uri) {
  auto conn = Connection::open(uri);
  if (!conn) return std::unexpected(conn.error());
  return std::unique_ptr<ArchiveEndpoint>(std::make_unique<PgArchiveEndpoint>(std::move(*conn)));
}

}  // namespace newsdb::postgres
