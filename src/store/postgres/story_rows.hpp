// store::StoryRows over the PostgreSQL schema (the stories migration in schema.cpp), with the
// SQLite backend's answers (sqlite/story_rows.hpp).
#pragma once

#include "store/postgres/connection.hpp"
#include "store/story_reader.hpp"

namespace newsdb::postgres {

class PgStoryRows final : public store::StoryRows {
 public:
  explicit PgStoryRows(Connection& conn) : conn_(conn) {}

  Result<std::vector<StorySummary>> page(std::optional<Timestamp> since,
                                         std::optional<Timestamp> until, StorySort sort,
                                         std::int64_t limit, std::int64_t offset) override;
  Result<std::int64_t> count(std::optional<Timestamp> since,
                             std::optional<Timestamp> until) override;
  Result<std::vector<StorySummary>> by_ids(std::span<const std::int64_t> ids) override;
  Result<std::vector<std::string>> topics(std::int64_t id, std::int64_t limit) override;
  Result<std::vector<std::int64_t>> member_ids(std::int64_t id) override;

 private:
  Connection& conn_;
};

}  // namespace newsdb::postgres
