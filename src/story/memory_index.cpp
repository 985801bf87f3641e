#include "story/memory_index.hpp"

#include <set>

namespace newsdb::story {

void MemoryIndex::add(std::int64_t article_id, std::int64_t story_id, StoryDoc doc) {
  for (auto key : index_keys(doc)) by_key_.emplace(key, article_id);
  articles_[article_id] = Candidate{article_id, story_id, std::move(doc)};
}

Result<std::vector<Candidate>> MemoryIndex::candidates(std::span<const std::uint64_t> keys,
                                                       std::optional<Timestamp> time,
                                                       std::int64_t exclude) {
  std::set<std::int64_t> ids;
  for (auto key : keys) {
    auto [first, last] = by_key_.equal_range(key);
    for (auto it = first; it != last; ++it) {
      const auto& c = articles_.at(it->second);
      if (c.article_id == exclude) continue;
      if (time && c.doc.time && std::chrono::abs(*c.doc.time - *time) > kCandidateWindow) continue;
      ids.insert(c.article_id);
    }
  }
  std::vector<Candidate> out;
  for (auto id : ids) {
    if (out.size() == kMaxCandidates) break;
    out.push_back(articles_.at(id));
  }
  return out;
}

std::vector<std::int64_t> group_articles(std::span<const ArticleFields> articles) {
  MemoryIndex index;
  std::vector<std::int64_t> stories;
  std::int64_t next_story = 1;
  for (std::size_t i = 0; i < articles.size(); ++i) {
    auto id = static_cast<std::int64_t>(i + 1);
    StoryDoc doc = story_doc(articles[i]);
    auto keys = index_keys(doc);
    auto found = index.candidates(keys, doc.time, id);
    auto story = found ? choose_story(doc, *found) : std::nullopt;
    auto story_id = story ? *story : next_story++;
    stories.push_back(story_id);
    index.add(id, story_id, std::move(doc));
  }
  return stories;
}

}  // namespace newsdb::story
