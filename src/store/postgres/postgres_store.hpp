// The PostgreSQL backend (docs/postgresql.md).
#pragma once

#include <memory>
#include <newsdb/store.hpp>

namespace newsdb::postgres {

// Connects to the postgresql:// URI `uri` and migrates its schema (kReadWrite).
Result<std::unique_ptr<Store>> open_postgres_store(const std::string& uri, OpenMode mode);

}  // namespace newsdb::postgres
