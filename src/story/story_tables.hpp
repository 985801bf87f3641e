// What story grouping needs of a store, and grouping through it: a backend implements StoryTables
// over its own tables (inside the writer's transaction), and group_urls / group_ungrouped do the
// same work on every backend, so that both give the same stories for the same imports.
//
// An article is grouped for one version of its content: its member record keeps the content hash
// it was grouped at. A write that changes the article leaves the record behind, and the next
// grouping of its URL groups it again (it may move to another story; a story left empty goes).
// An unchanged article is never grouped again: re-importing it changes nothing.
#pragma once

#include <cstdint>
#include <newsdb/article.hpp>
#include <newsdb/error.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "story/story_grouper.hpp"

namespace newsdb::story {

// A stored article as grouping reads it back.
struct StoredDoc {
  std::int64_t article_id = 0;
  std::string canonical_url;
  std::string content_hash;                 // the article's, as stored
  std::optional<std::int64_t> story_id;     // the story it was last grouped into
  std::optional<std::string> grouped_hash;  // the content hash it was grouped at
  ArticleFields fields;                     // title, excerpt, publishedDateTime and URLs only

  bool needs_grouping() const { return !grouped_hash || *grouped_hash != content_hash; }
};

class StoryTables : public CandidateIndex {
 public:
  // The stored articles at these canonical URLs; URLs the store does not hold are left out.
  virtual Result<std::vector<StoredDoc>> at_urls(std::span<const std::string> canonical_urls) = 0;
  // Up to `limit` articles with an id above `after` that need grouping, by id.
  virtual Result<std::vector<StoredDoc>> ungrouped(std::int64_t after, std::size_t limit) = 0;
  // Whether story `story_id` has articles other than `article_id`.
  virtual Result<bool> has_others(std::int64_t story_id, std::int64_t article_id) = 0;
  // A new, empty story's id (never one used before).
  virtual Result<std::int64_t> new_story() = 0;
  // Records `doc` as grouped into `story_id` at its content hash, filed under `keys`
  // (replacing the keys it had).
  virtual Result<void> file(const StoredDoc& doc, std::int64_t story_id,
                            std::span<const std::uint64_t> keys) = 0;
  // Recomputes the listed stories' summaries; deletes those without articles.
  virtual Result<void> refresh(std::span<const std::int64_t> story_ids) = 0;
  // Whether every article that existed when stories were added has been grouped.
  virtual Result<bool> backfilled() = 0;
  virtual Result<void> mark_backfilled() = 0;
};

// Groups, in the order given, the stored articles at `canonical_urls` that need it (the last
// record of each URL in a batch, in input order), then refreshes the stories they left or joined.
Result<void> group_urls(StoryTables& tables, std::span<const std::string> canonical_urls);

// Groups every article that needs it, by id, in chunks (a store that predates stories), and
// marks the store as backfilled. Does nothing once it is.
Result<void> group_ungrouped(StoryTables& tables);

// Groups one article; `touched` receives the stories whose membership changed.
Result<void> group_one(StoryTables& tables, const StoredDoc& doc,
                       std::vector<std::int64_t>& touched);

}  // namespace newsdb::story
