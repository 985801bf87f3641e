#include "story/story_tables.hpp"

#include <algorithm>
#include <unordered_map>

namespace newsdb::story {
namespace {

constexpr std::size_t kBackfillChunk = 2000;

Result<void> refresh_touched(StoryTables& tables, std::vector<std::int64_t>& touched) {
  std::sort(touched.begin(), touched.end());
  touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
  if (touched.empty()) return {};
  return tables.refresh(touched);
}

}  // namespace

Result<void> group_one(StoryTables& tables, const StoredDoc& doc,
                       std::vector<std::int64_t>& touched) {
  StoryDoc sdoc = story_doc(doc.fields);
  auto keys = index_keys(sdoc);
  auto found = tables.candidates(keys, sdoc.time, doc.article_id);
  if (!found) return std::unexpected(found.error());
  auto story = choose_story(sdoc, *found);
  if (!story) {
    // Alone again: an article that had a story of its own keeps its id.
    bool keep = false;
    if (doc.story_id) {
      auto others = tables.has_others(*doc.story_id, doc.article_id);
      if (!others) return std::unexpected(others.error());
      keep = !*others;
    }
    if (keep) {
      story = doc.story_id;
    } else {
      auto made = tables.new_story();
      if (!made) return std::unexpected(made.error());
      story = *made;
    }
  }
  if (auto r = tables.file(doc, *story, keys); !r) return r;
  touched.push_back(*story);
  if (doc.story_id && *doc.story_id != *story) touched.push_back(*doc.story_id);
  return {};
}

Result<void> group_urls(StoryTables& tables, std::span<const std::string> canonical_urls) {
  if (canonical_urls.empty()) return {};
  auto stored = tables.at_urls(canonical_urls);
  if (!stored) return std::unexpected(stored.error());
  std::unordered_map<std::string_view, const StoredDoc*> by_url;
  for (const auto& d : *stored) by_url.emplace(d.canonical_url, &d);
  std::vector<std::int64_t> touched;
  for (const auto& url : canonical_urls) {
    auto it = by_url.find(url);
    if (it == by_url.end() || !it->second->needs_grouping()) continue;
    if (auto r = group_one(tables, *it->second, touched); !r) return r;
  }
  return refresh_touched(tables, touched);
}

Result<void> group_ungrouped(StoryTables& tables) {
  auto done = tables.backfilled();
  if (!done) return std::unexpected(done.error());
  if (*done) return {};
  std::int64_t after = 0;
  for (;;) {
    auto chunk = tables.ungrouped(after, kBackfillChunk);
    if (!chunk) return std::unexpected(chunk.error());
    if (chunk->empty()) break;
    std::vector<std::int64_t> touched;
    for (const auto& doc : *chunk) {
      if (auto r = group_one(tables, doc, touched); !r) return r;
      after = doc.article_id;
    }
    if (auto r = refresh_touched(tables, touched); !r) return r;
  }
  return tables.mark_backfilled();
}

}  // namespace newsdb::story
