#include "cli/commands/collapsed_list.hpp"

#include <unordered_set>

namespace newsdb::cli {

Result<std::vector<StoredArticle>> collapsed_page(Store& store, const Query& query) {
  Query all = query;
  all.limit = 0;
  all.offset = 0;
  std::unordered_set<std::int64_t> seen;
  std::vector<StoredArticle> page;
  std::int64_t skipped = 0;
  bool full = false;
  // A sink error stops the walk; this one only says the page is full.
  const Error kFull{ErrorKind::kInternal, "page full"};
  auto walked = store.reader().for_each(all, [&](const StoredArticle& a) -> Result<void> {
    // An article not grouped yet stands for itself.
    if (a.story_id && !seen.insert(*a.story_id).second) return {};
    if (skipped < query.offset) {
      ++skipped;
      return {};
    }
    page.push_back(a);
    if (query.limit > 0 && static_cast<std::int64_t>(page.size()) == query.limit) {
      full = true;
      return std::unexpected(kFull);
    }
    return {};
  });
  if (!walked && !full) return std::unexpected(walked.error());
  for (auto& a : page) {
    if (!a.story_id) {
      a.story_articles = 1;
      continue;
    }
    auto story = store.stories().get(*a.story_id);
    if (!story) return std::unexpected(story.error());
    a.story_articles = *story ? (*story)->articles : 1;
  }
  return page;
}

}  // namespace newsdb::cli
