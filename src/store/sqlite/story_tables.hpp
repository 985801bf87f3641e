// story::StoryTables over the SQLite schema's story tables (schema.cpp, the stories migration):
// used inside the writer's transaction. Statements are prepared once. Not thread-safe.
#pragma once

#include <optional>

#include "store/sqlite/database.hpp"
#include "story/story_tables.hpp"

namespace newsdb::sqlite {

class SqliteStoryTables final : public story::StoryTables {
 public:
  static Result<SqliteStoryTables> prepare(Database& db);

  Result<std::vector<story::Candidate>> candidates(std::span<const std::uint64_t> keys,
                                                   std::optional<Timestamp> time,
                                                   std::int64_t exclude) override;
  Result<std::vector<story::StoredDoc>> at_urls(
      std::span<const std::string> canonical_urls) override;
  Result<std::vector<story::StoredDoc>> ungrouped(std::int64_t after, std::size_t limit) override;
  Result<bool> has_others(std::int64_t story_id, std::int64_t article_id) override;
  Result<std::int64_t> new_story() override;
  Result<void> file(const story::StoredDoc& doc, std::int64_t story_id,
                    std::span<const std::uint64_t> keys) override;
  Result<void> refresh(std::span<const std::int64_t> story_ids) override;
  Result<bool> backfilled() override;
  Result<void> mark_backfilled() override;

 private:
  explicit SqliteStoryTables(Database& db) : db_(&db) {}

  Database* db_;
  std::optional<Statement> candidates_, at_url_, ungrouped_, has_others_, next_id_, insert_story_,
      delete_keys_, insert_key_, upsert_member_, aggregate_, titles_, update_story_, delete_story_,
      backfilled_, mark_backfilled_;
};

// Groups the articles of a store that predates stories (or whose grouping was cut short), in a
// write transaction of its own; a no-op, without a write lock, once done.
Result<void> backfill_stories(Database& db);

}  // namespace newsdb::sqlite
