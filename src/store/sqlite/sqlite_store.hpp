// The embedded SQLite backend: one connection shared by its writer, reader and source registry.
#pragma once

#include <memory>
#include <newsdb/store.hpp>

#include "store/sqlite/database.hpp"

namespace newsdb::sqlite {

// Opens (creating when kReadWrite: parent folders too) and migrates the database at `path`.
Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path, OpenMode mode);

}  // namespace newsdb::sqlite
