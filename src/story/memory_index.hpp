// A CandidateIndex in memory, and grouping a list of articles with it: what the tests and the
// quality evaluation use to group without a store. Not thread-safe.
#pragma once

#include <map>
#include <newsdb/article.hpp>
#include <unordered_map>

#include "story/story_grouper.hpp"

namespace newsdb::story {

class MemoryIndex final : public CandidateIndex {
 public:
  // Files `doc` (article `article_id`, in story `story_id`) under its index keys.
  void add(std::int64_t article_id, std::int64_t story_id, StoryDoc doc);

  Result<std::vector<Candidate>> candidates(std::span<const std::uint64_t> keys,
                                            std::optional<Timestamp> time,
                                            std::int64_t exclude) override;

 private:
  std::map<std::int64_t, Candidate> articles_;
  std::unordered_multimap<std::uint64_t, std::int64_t> by_key_;
};

// The story of each article in order, grouped one at a time as a store does on import: article i
// has id i + 1; a new story takes the next story id from 1.
std::vector<std::int64_t> group_articles(std::span<const ArticleFields> articles);

}  // namespace newsdb::story
