// Store tests run against every backend available: SQLite always; PostgreSQL when the test run
// provides a server (NEWSDB_TEST_PG_URI, a postgresql:// URI of a database the tests may fill and
// empty; scripts/pg_run.sh sets it up). Each PostgreSQL FreshStore is a database of its own on
// that server, created for the test and dropped after it.
//
//   for (const auto& backend : test::backends()) {
//     DYNAMIC_SECTION(backend) {
//       test::FreshStore fresh(backend);
//       Store& store = fresh.store();
//       ...
//     }
//   }
#pragma once

#include <memory>
#include <optional>
#include <newsdb/store.hpp>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"

namespace newsdb::test {

// "sqlite", and "postgresql" when NEWSDB_TEST_PG_URI is set.
std::vector<std::string> backends();

// NEWSDB_TEST_PG_URI, for tests of the PostgreSQL backend alone; nullopt when the run has no
// server (such tests then check nothing and say so with a WARN).
std::optional<std::string> postgres_test_uri();

// Whether FreshStore makes its database at once, or only reserves its name for a test of what
// creates it (the database then exists once something, such as an import, creates it).
enum class Creation { kNow, kLater };

// A new, empty database on `backend` for one test; dropped afterwards.
class FreshStore {
 public:
  explicit FreshStore(const std::string& backend, Creation creation = Creation::kNow);
  ~FreshStore();
  FreshStore(const FreshStore&) = delete;
  FreshStore& operator=(const FreshStore&) = delete;

  // The store, opened read-write; with Creation::kLater, opened (so created) on the first call.
  Store& store();
  const std::string& backend() const { return backend_; }
  // What to pass as --db to the newsdb binary to reach the same database.
  const std::string& spec() const { return spec_; }
  // Opens a second, independent connection to the same database.
  std::unique_ptr<Store> open_another() const;
  // Whether the database exists now: the SQLite file, or the PostgreSQL database on the server.
  bool exists() const;

 private:
  TempDir dir_;
  std::string backend_;
  std::string spec_;
  std::string pg_server_;    // PostgreSQL: NEWSDB_TEST_PG_URI
  std::string pg_database_;  // PostgreSQL: this test's database
  std::unique_ptr<Store> store_;
};

}  // namespace newsdb::test
