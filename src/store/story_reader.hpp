// StoryReader on any backend: the backend gives StoryRows (its SQL over the stories tables), the
// ArticleReader gives articles and filters; the rest (which stories a filter selects, their order
// and paging) is done here once, so both backends answer alike.
#pragma once

#include <newsdb/story_reader.hpp>
#include <span>

namespace newsdb::store {

class StoryRows {
 public:
  virtual ~StoryRows() = default;
  // Stories whose coverage meets [since, until], in `sort` order, topics left empty.
  virtual Result<std::vector<StorySummary>> page(std::optional<Timestamp> since,
                                                 std::optional<Timestamp> until, StorySort sort,
                                                 std::int64_t limit, std::int64_t offset) = 0;
  virtual Result<std::int64_t> count(std::optional<Timestamp> since,
                                     std::optional<Timestamp> until) = 0;
  // The stories with these ids (any order), topics left empty; unknown ids are left out.
  virtual Result<std::vector<StorySummary>> by_ids(std::span<const std::int64_t> ids) = 0;
  // The story's `limit` most common topics, most common first, ties by name.
  virtual Result<std::vector<std::string>> topics(std::int64_t id, std::int64_t limit) = 0;
  // The story's article ids, earliest first, undated last, ties by id.
  virtual Result<std::vector<std::int64_t>> member_ids(std::int64_t id) = 0;
};

class GenericStoryReader final : public StoryReader {
 public:
  GenericStoryReader(StoryRows& rows, ArticleReader& articles) : rows_(rows), articles_(articles) {}

  Result<std::vector<StorySummary>> find(const StoryQuery& query) override;
  Result<std::int64_t> count(const Filter& filter) override;
  Result<std::optional<StorySummary>> get(std::int64_t id) override;
  Result<std::vector<StoredArticle>> articles(std::int64_t id) override;

 private:
  // Every story matching `filter`, unsorted; nullopt when only dates filter (rows_ pages them).
  Result<std::optional<std::vector<StorySummary>>> matching(const Filter& filter);

  StoryRows& rows_;
  ArticleReader& articles_;
};

// How many topics a story summary lists.
inline constexpr std::int64_t kStoryTopics = 3;

// Whether `a` comes before `b` in `sort` order (what the backends' SQL orders by).
bool story_before(const StorySummary& a, const StorySummary& b, StorySort sort);

}  // namespace newsdb::store
