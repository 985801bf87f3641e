#include "support/store_sql.hpp"

#include <stdexcept>

#include "store/postgres/connection.hpp"
#include "store/sqlite/database.hpp"
#include "store/writer_fixtures.hpp"

namespace newsdb::test {
namespace {

bool is_postgres(const std::string& db) {
  return db.starts_with("postgresql://");
}

postgres::Connection pg_connect(const std::string& db) {
  auto conn = postgres::Connection::open(db);
  if (!conn) throw std::runtime_error(conn.error().message);
  return std::move(*conn);
}

}  // namespace

std::vector<std::string> stored_rows(const std::string& db, const std::string& sql) {
  if (!is_postgres(db)) return SqlView(db).rows(sql);
  auto result = pg_connect(db).exec(sql);
  if (!result) throw std::runtime_error(result.error().message);
  std::vector<std::string> rows;
  for (int r = 0; r < result->rows(); ++r) {
    std::string row;
    for (int c = 0; c < result->columns(); ++c) {
      if (c > 0) row += '|';
      row += result->is_null(r, c) ? std::string("NULL") : std::string(result->text(r, c));
    }
    rows.push_back(row);
  }
  return rows;
}

void exec_sql(const std::string& db, const std::string& sql) {
  if (is_postgres(db)) {
    if (auto r = pg_connect(db).exec(sql); !r) throw std::runtime_error(r.error().message);
    return;
  }
  auto conn = sqlite::Database::open(db, sqlite::Database::Access::kReadWrite);
  if (!conn) throw std::runtime_error(conn.error().message);
  if (auto r = conn->exec(sql); !r) throw std::runtime_error(r.error().message);
}

}  // namespace newsdb::test
