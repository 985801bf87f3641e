#include "store/story_reader.hpp"

#include <algorithm>
#include <set>

namespace newsdb::store {
namespace {

bool only_dates(const Filter& f) {
  return f.topics.empty() && f.providers.empty() && f.categories.empty() && f.types.empty() &&
         !f.min_quality && !f.min_heat && !f.published && !f.text;
}

bool meets_dates(const StorySummary& s, const Filter& f) {
  if (f.since && (!s.last_published || *s.last_published < *f.since)) return false;
  if (f.until && (!s.first_published || *s.first_published > *f.until)) return false;
  return true;
}

// Descending with absent values last.
template <typename T>
int compare_desc(const std::optional<T>& a, const std::optional<T>& b) {
  if (a && b) return *a > *b ? -1 : *a < *b ? 1 : 0;
  if (a) return -1;
  if (b) return 1;
  return 0;
}

}  // namespace

bool story_before(const StorySummary& a, const StorySummary& b, StorySort sort) {
  int c = 0;
  switch (sort) {
    case StorySort::kNewest: c = compare_desc(a.last_published, b.last_published); break;
    case StorySort::kSize:
      c = a.articles > b.articles ? -1 : a.articles < b.articles ? 1 : 0;
      if (c == 0) c = compare_desc(a.last_published, b.last_published);
      break;
    case StorySort::kHeat: c = compare_desc(a.heat, b.heat); break;
  }
  if (c != 0) return c < 0;
  return a.id > b.id;
}

Result<std::optional<std::vector<StorySummary>>> GenericStoryReader::matching(
    const Filter& filter) {
  if (only_dates(filter)) return std::nullopt;
  Query q;
  q.filter = filter;
  q.filter.since.reset();
  q.filter.until.reset();
  q.sort = SortOrder::kNewest;
  q.limit = 0;
  q.detail = Detail::kListing;
  std::set<std::int64_t> ids;
  auto walked = articles_.for_each(q, [&](const StoredArticle& a) -> Result<void> {
    if (a.story_id) ids.insert(*a.story_id);
    return {};
  });
  if (!walked) return std::unexpected(walked.error());
  std::vector<std::int64_t> list(ids.begin(), ids.end());
  auto rows = rows_.by_ids(list);
  if (!rows) return std::unexpected(rows.error());
  std::vector<StorySummary> out;
  for (auto& s : *rows) {
    if (meets_dates(s, filter)) out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<StorySummary>> GenericStoryReader::find(const StoryQuery& query) {
  if (query.limit < 0 || query.offset < 0) {
    return fail(ErrorKind::kInvalidInput, "--limit and --offset take 0 or more");
  }
  auto all = matching(query.filter);
  if (!all) return std::unexpected(all.error());
  std::vector<StorySummary> page;
  if (!*all) {
    auto rows = rows_.page(query.filter.since, query.filter.until, query.sort, query.limit,
                           query.offset);
    if (!rows) return std::unexpected(rows.error());
    page = std::move(*rows);
  } else {
    auto& v = **all;
    std::sort(v.begin(), v.end(), [&](const StorySummary& a, const StorySummary& b) {
      return story_before(a, b, query.sort);
    });
    auto from = std::min<std::size_t>(v.size(), static_cast<std::size_t>(query.offset));
    auto to = query.limit == 0 ? v.size()
                               : std::min(v.size(), from + static_cast<std::size_t>(query.limit));
    page.assign(std::make_move_iterator(v.begin() + static_cast<std::ptrdiff_t>(from)),
                std::make_move_iterator(v.begin() + static_cast<std::ptrdiff_t>(to)));
  }
  for (auto& s : page) {
    auto topics = rows_.topics(s.id, kStoryTopics);
    if (!topics) return std::unexpected(topics.error());
    s.topics = std::move(*topics);
  }
  return page;
}

Result<std::int64_t> GenericStoryReader::count(const Filter& filter) {
  auto all = matching(filter);
  if (!all) return std::unexpected(all.error());
  if (*all) return static_cast<std::int64_t>((*all)->size());
  return rows_.count(filter.since, filter.until);
}

Result<std::optional<StorySummary>> GenericStoryReader::get(std::int64_t id) {
  std::int64_t ids[] = {id};
  auto rows = rows_.by_ids(ids);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::nullopt;
  StorySummary s = std::move(rows->front());
  auto topics = rows_.topics(s.id, kStoryTopics);
  if (!topics) return std::unexpected(topics.error());
  s.topics = std::move(*topics);
  return s;
}

Result<std::vector<StoredArticle>> GenericStoryReader::articles(std::int64_t id) {
  auto ids = rows_.member_ids(id);
  if (!ids) return std::unexpected(ids.error());
  std::vector<StoredArticle> out;
  out.reserve(ids->size());
  for (auto article_id : *ids) {
    auto a = articles_.get(article_id);
    if (!a) return std::unexpected(a.error());
    if (*a) out.push_back(std::move(**a));
  }
  return out;
}

}  // namespace newsdb::store
