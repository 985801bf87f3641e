// SQLite implementation of SourceRegistry (see <newsdb/source_registry.hpp>).
#pragma once

#include <newsdb/source_registry.hpp>

#include "store/sqlite/database.hpp"

namespace newsdb::sqlite {

class SqliteSourceRegistry final : public SourceRegistry {
 public:
  explicit SqliteSourceRegistry(Database& db) : db_(db) {}

  Result<Source> add(const std::string& url, std::chrono::seconds every) override;
  Result<bool> remove(const std::string& url) override;
  Result<std::vector<Source>> list() override;
  Result<void> update(const Source& source) override;

 private:
  Database& db_;
};

}  // namespace newsdb::sqlite
