// SQLite implementation of SourceRegistry (see <newsdb/source_registry.hpp>).
#pragma once

#include <newsdb/source_registry.hpp>
#include <optional>

#include "store/sqlite/database.hpp"

namespace newsdb::sqlite {

class SqliteSourceRegistry final : public SourceRegistry {
 public:
  explicit SqliteSourceRegistry(Database& db) : db_(db) {}

  Result<AddResult> add(const std::string& url, std::chrono::seconds every,
                        Timestamp now) override;
  Result<bool> remove(const std::string& url) override;
  Result<std::vector<Source>> list() override;
  Result<std::optional<Source>> find(const std::string& url) override;
  Result<void> update(const Source& source) override;

 private:
  // Statements are prepared on first use and kept: `fetch` updates every source it polls.
  Result<Statement*> statement(std::optional<Statement>& slot, std::string_view sql);

  Database& db_;
  std::optional<Statement> insert_;
  std::optional<Statement> set_every_;
  std::optional<Statement> delete_;
  std::optional<Statement> select_all_;
  std::optional<Statement> select_one_;
  std::optional<Statement> update_;
};

}  // namespace newsdb::sqlite
