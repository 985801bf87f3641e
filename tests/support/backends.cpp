#include "support/backends.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "store/postgres/connection.hpp"
#include "store/postgres/database_admin.hpp"
#include "store/postgres/database_uri.hpp"

namespace newsdb::test {

std::vector<std::string> backends() {
  std::vector<std::string> out{"sqlite"};
  if (const char* uri = std::getenv("NEWSDB_TEST_PG_URI"); uri && *uri) out.push_back("postgresql");
  return out;
}

std::optional<std::string> postgres_test_uri() {
  const char* uri = std::getenv("NEWSDB_TEST_PG_URI");
  if (!uri || !*uri) return std::nullopt;
  return std::string(uri);
}

namespace {

std::string pg_server_uri() {
  const char* uri = std::getenv("NEWSDB_TEST_PG_URI");
  if (!uri || !*uri) {
    throw std::runtime_error(
        "NEWSDB_TEST_PG_URI is not set: run the tests through scripts/pg_run.sh");
  }
  return uri;
}

// One database per FreshStore: unique within the run (pid) and within the process (counter).
std::string fresh_database_name() {
  static std::atomic<int> counter{0};
  return "newsdb_test_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
}

}  // namespace

FreshStore::FreshStore(const std::string& backend, Creation creation) : backend_(backend) {
  if (backend == "sqlite") {
    spec_ = (dir_.path() / "newsdb.sqlite").string();
  } else if (backend == "postgresql") {
    pg_server_ = pg_server_uri();
    pg_database_ = fresh_database_name();
    auto spec = postgres::with_database(pg_server_, pg_database_);
    if (!spec) throw std::runtime_error("NEWSDB_TEST_PG_URI is not a postgresql:// URI");
    spec_ = *spec;
    // A database left by an earlier, killed run with the same pid must not leak into this test.
    if (auto dropped = postgres::drop_database(pg_server_, pg_database_); !dropped) {
      throw std::runtime_error("dropping " + pg_database_ + ": " + dropped.error().message);
    }
  } else {
    throw std::runtime_error("unknown backend: " + backend);
  }
  if (creation == Creation::kNow) store_ = open_another();
}

Store& FreshStore::store() {
  if (!store_) store_ = open_another();
  return *store_;
}

bool FreshStore::exists() const {
  if (backend_ == "sqlite") return std::filesystem::exists(spec_);
  // The server is up (the constructor reached it), so a refused connection means no database.
  return postgres::Connection::open(spec_).has_value();
}

FreshStore::~FreshStore() {
  store_.reset();
  if (!pg_database_.empty()) (void)postgres::drop_database(pg_server_, pg_database_);
}

// kReadWrite creates the database (PostgreSQL) or file (SQLite).
std::unique_ptr<Store> FreshStore::open_another() const {
  auto opened = open_store(spec_, OpenMode::kReadWrite);
  if (!opened) throw std::runtime_error("opening " + spec_ + ": " + opened.error().message);
  return std::move(*opened);
}

}  // namespace newsdb::test
