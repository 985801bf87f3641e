// The query side of the store. DRAFT by the lead; owned by the query work (issue 4), which may
// reshape it.
#pragma once

#include <cstdint>
#include <functional>
#include <newsdb/article.hpp>
#include <newsdb/diagnostic.hpp>
#include <newsdb/error.hpp>
#include <newsdb/query.hpp>
#include <optional>
#include <string>
#include <vector>

namespace newsdb {

struct StoredArticle {
  std::int64_t id = 0;
  Article article;
  std::optional<std::string> snippet;  // set by full-text queries: highlighted with [ and ]
};

enum class Facet { kTopic, kProvider, kCategory };

struct FacetCount {
  std::string name;
  std::string domain;  // providers only
  std::int64_t count = 0;
};

class ArticleReader {
 public:
  virtual ~ArticleReader() = default;

  virtual Result<std::vector<StoredArticle>> find(const Query& query) = 0;
  // Streams every match (export): `sink` returning an Error stops the walk with that error.
  virtual Result<void> for_each(const Query& query,
                                const std::function<Result<void>(const StoredArticle&)>& sink) = 0;
  virtual Result<std::optional<StoredArticle>> get(std::int64_t id) = 0;
  // `url` is canonicalised first: any variant of the article's URL finds it.
  virtual Result<std::optional<StoredArticle>> get_by_url(const std::string& url) = 0;
  virtual Result<std::vector<FacetCount>> facet(Facet facet, const Filter& filter,
                                                std::int64_t limit) = 0;
};

}  // namespace newsdb
