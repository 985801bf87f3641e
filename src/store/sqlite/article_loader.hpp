// Reads whole stored articles back into typed records: the articles row with its provider and
// exact topic list (articles.topics), then images and related entries in their original order,
// unknown fields from their JSON.
// Statements are prepared on first use and reused, so loading a page or streaming an export costs
// a few indexed lookups per article.
#pragma once

#include <cstdint>
#include <newsdb/article_reader.hpp>
#include <optional>

#include "store/sqlite/database.hpp"

namespace newsdb::sqlite {

class ArticleLoader {
 public:
  explicit ArticleLoader(Database& db) : db_(db) {}

  // The article with this id, nullopt when there is none; with Detail::kListing its images and
  // related entries are not read. A stored JSON column that no longer parses is a kStore error
  // naming the article.
  Result<std::optional<StoredArticle>> load(std::int64_t id, Detail detail = Detail::kWhole);

 private:
  Result<void> load_images(std::int64_t id, Article& article);
  Result<void> load_related(std::int64_t id, Article& article);

  Database& db_;
  std::optional<Statement> article_;
  std::optional<Statement> images_;
  std::optional<Statement> related_;
};

// Parses a JSON object column (unknown fields); "" or NULL is an empty object.
Result<Json> json_object_column(std::string_view text, std::string_view what);

}  // namespace newsdb::sqlite
