// Store tests run against every backend available: SQLite always; PostgreSQL when the test run
// provides a server (NEWSDB_TEST_PG_URI, a postgresql:// URI of a database the tests may fill and
// empty; tests/run_pg.sh sets it up).
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
#include <newsdb/store.hpp>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"

namespace newsdb::test {

// "sqlite", and "postgresql" when NEWSDB_TEST_PG_URI is set.
std::vector<std::string> backends();

// A new, empty database on `backend` for one test; dropped afterwards.
class FreshStore {
 public:
  explicit FreshStore(const std::string& backend);
  ~FreshStore();
  FreshStore(const FreshStore&) = delete;
  FreshStore& operator=(const FreshStore&) = delete;

  Store& store() { return *store_; }
  // What to pass as --db to the newsdb binary to reach the same database.
  const std::string& spec() const { return spec_; }
  // Opens a second, independent connection to the same database.
  std::unique_ptr<Store> open_another() const;

 private:
  TempDir dir_;
  std::string spec_;
  std::unique_ptr<Store> store_;
};

}  // namespace newsdb::test
