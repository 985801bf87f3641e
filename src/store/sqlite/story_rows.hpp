// store::StoryRows over the SQLite schema (the stories migration in schema.cpp).
#pragma once

#include "store/sqlite/database.hpp"
#include "store/story_reader.hpp"

namespace newsdb::sqlite {

class SqliteStoryRows final : public store::StoryRows {
 public:
  explicit SqliteStoryRows(Database& db) : db_(db) {}

  Result<std::vector<StorySummary>> page(std::optional<Timestamp> since,
                                         std::optional<Timestamp> until, StorySort sort,
                                         std::int64_t limit, std::int64_t offset) override;
  Result<std::int64_t> count(std::optional<Timestamp> since,
                             std::optional<Timestamp> until) override;
  Result<std::vector<StorySummary>> by_ids(std::span<const std::int64_t> ids) override;
  Result<std::vector<std::string>> topics(std::int64_t id, std::int64_t limit) override;
  Result<std::vector<std::int64_t>> member_ids(std::int64_t id) override;

 private:
  Database& db_;
};

}  // namespace newsdb::sqlite
