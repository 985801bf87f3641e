#include <newsdb/store.hpp>

#include "store/postgres/postgres_store.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace newsdb {

Result<std::unique_ptr<Store>> open_store(const std::string& spec, OpenMode mode) {
  if (spec.starts_with("postgresql://") || spec.starts_with("postgres://")) {
    return postgres::open_postgres_store(spec, mode);
  }
  return sqlite::open_sqlite_store(spec, mode);
}

}  // namespace newsdb
