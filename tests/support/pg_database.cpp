#include "support/pg_database.hpp"

#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <stdexcept>

#include "store/postgres/database_admin.hpp"
#include "store/postgres/database_uri.hpp"
#include "support/backends.hpp"

namespace newsdb::test {

std::optional<PgDatabase> PgDatabase::make(bool create) {
  auto server = postgres_test_uri();
  if (!server) {
    WARN("no PostgreSQL server in this run (NEWSDB_TEST_PG_URI unset): nothing checked");
    return std::nullopt;
  }
  static std::atomic<int> counter{0};
  std::string name = "newsdb_pgtest_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
  auto uri = postgres::with_database(*server, name);
  if (!uri) throw std::runtime_error("NEWSDB_TEST_PG_URI is not a postgresql:// URI");
  if (auto r = postgres::drop_database(*server, name); !r) throw std::runtime_error(r.error().message);
  if (create) {
    if (auto r = postgres::create_database(*server, name); !r) {
      throw std::runtime_error(r.error().message);
    }
  }
  return PgDatabase(*server, name, *uri);
}

PgDatabase::PgDatabase(PgDatabase&& other) noexcept
    : server_(std::move(other.server_)),
      name_(std::exchange(other.name_, std::string())),
      uri_(std::move(other.uri_)) {}

PgDatabase::~PgDatabase() {
  if (!name_.empty()) (void)postgres::drop_database(server_, name_);
}

postgres::Connection PgDatabase::connect() const {
  auto conn = postgres::Connection::open(uri_);
  if (!conn) throw std::runtime_error(conn.error().message);
  return std::move(*conn);
}

}  // namespace newsdb::test
