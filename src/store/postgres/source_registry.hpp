// PostgreSQL implementation of SourceRegistry (see <newsdb/source_registry.hpp>).
#pragma once

#include <newsdb/source_registry.hpp>

#include "store/postgres/connection.hpp"

namespace newsdb::postgres {

class PgSourceRegistry final : public SourceRegistry {
 public:
  explicit PgSourceRegistry(Connection& conn) : conn_(conn) {}

  Result<AddResult> add(const std::string& url, std::chrono::seconds every,
                        Timestamp now) override;
  Result<bool> remove(const std::string& url) override;
  Result<std::vector<Source>> list() override;
  Result<std::optional<Source>> find(const std::string& url) override;
  Result<void> update(const Source& source) override;

 private:
  Connection& conn_;
};

}  // namespace newsdb::postgres
