// The stories side of the store: every article belongs to exactly one story (its reports of one
// event across providers: src/story/ groups them at import), and stories are listed, counted and
// read here. Every backend answers alike.
//
// Not thread-safe: a StoryReader belongs to its Store and to one thread at a time.
#pragma once

#include <cstdint>
#include <newsdb/article_reader.hpp>
#include <newsdb/error.hpp>
#include <newsdb/query.hpp>
#include <optional>
#include <string>
#include <vector>

namespace newsdb {

struct StorySummary {
  std::int64_t id = 0;
  std::string title;            // its most representative headline (story/story_title.hpp)
  std::int64_t articles = 0;
  std::int64_t providers = 0;   // distinct providers among its articles
  std::optional<Timestamp> first_published;
  std::optional<Timestamp> last_published;
  std::optional<std::int64_t> heat;  // its hottest article's
  std::vector<std::string> topics;   // its most common few, most common first, ties by name
};

enum class StorySort {
  kNewest,  // latest coverage first (lastPublished), undated last
  kSize,    // most articles first, then newest
  kHeat,    // hottest article first, then by id
};

// Which stories: those with at least one article matching the filter's other parts, whose
// coverage (firstPublished .. lastPublished) meets since/until. Ties: the newer story id first.
struct StoryQuery {
  Filter filter;
  StorySort sort = StorySort::kNewest;
  std::int64_t limit = 20;  // 0 = all
  std::int64_t offset = 0;
};

class StoryReader {
 public:
  virtual ~StoryReader() = default;

  virtual Result<std::vector<StorySummary>> find(const StoryQuery& query) = 0;
  // How many stories match, paging aside.
  virtual Result<std::int64_t> count(const Filter& filter) = 0;
  virtual Result<std::optional<StorySummary>> get(std::int64_t id) = 0;
  // The story's articles, whole, earliest first (undated last), ties by article id.
  virtual Result<std::vector<StoredArticle>> articles(std::int64_t id) = 0;
};

}  // namespace newsdb
