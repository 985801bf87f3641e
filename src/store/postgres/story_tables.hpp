// story::StoryTables over the PostgreSQL schema's story tables (schema.cpp, the stories
// migration), on one connection inside the caller's transaction. Not thread-safe.
#pragma once

#include <newsdb/article_writer.hpp>

#include "store/postgres/connection.hpp"
#include "story/story_tables.hpp"

namespace newsdb::postgres {

class PgStoryTables final : public story::StoryTables {
 public:
  explicit PgStoryTables(Connection& conn) : conn_(conn) {}

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
  Connection& conn_;
};

// The canonical URLs of `batch` in the order their last records come (the order a batch's
// articles are written in, and grouped in).
std::vector<std::string> batch_urls(std::span<const ParsedFile> batch);

// Groups the articles of a store that predates stories, in a transaction of its own; a no-op
// once done.
Result<void> backfill_stories(Connection& conn);

}  // namespace newsdb::postgres
