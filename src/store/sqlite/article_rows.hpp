// The rows of one article: articles, article_topics, images, related, and its entry in the
// full-text index (articles_fts, external content over articles). Used by the writer inside its
// transaction; statements are prepared once. Not thread-safe.
//
// FTS invariant: articles_fts holds exactly the indexed text of every row of articles. Before an
// article's indexed columns change, its old values are removed with FTS5's 'delete' command (which
// must be given the values that were indexed); the new ones are then inserted.
#pragma once

#include <cstdint>
#include <newsdb/article.hpp>
#include <newsdb/error.hpp>
#include <optional>
#include <string>

#include "store/sqlite/database.hpp"
#include "store/sqlite/name_ids.hpp"

namespace newsdb::sqlite {

struct StoredArticleState {
  std::int64_t id = 0;
  std::string content_hash;
};

// What is written besides the article itself.
struct ArticleStamp {
  const std::string& content_hash;
  const std::string& source_path;  // the input it came from
  Timestamp now;
};

class ArticleRows {
 public:
  static Result<ArticleRows> prepare(Database& db);

  Result<std::optional<StoredArticleState>> find(const std::string& canonical_url);
  // Writes a new article and its rows; returns its id.
  Result<std::int64_t> insert(const Article& article, const ArticleStamp& stamp, NameIds& names);
  // Replaces the stored article `id` (same canonical URL) and all its rows.
  Result<void> update(std::int64_t id, const Article& article, const ArticleStamp& stamp,
                      NameIds& names);

 private:
  explicit ArticleRows(Database& db) : db_(&db) {}

  Result<void> bind_article(Statement& s, const Article& article, const ArticleStamp& stamp,
                            NameIds& names);
  Result<void> insert_children(std::int64_t id, const Article& article, NameIds& names);
  Result<void> delete_children(std::int64_t id);
  Result<void> index_text(std::int64_t id, const Article& article);
  Result<void> unindex_text(std::int64_t id);

  Database* db_;
  std::optional<Statement> find_;
  std::optional<Statement> insert_;
  std::optional<Statement> update_;
  std::optional<Statement> insert_topic_;
  std::optional<Statement> insert_image_;
  std::optional<Statement> insert_related_;
  std::optional<Statement> delete_topics_;
  std::optional<Statement> delete_images_;
  std::optional<Statement> delete_related_;
  std::optional<Statement> indexed_text_;
  std::optional<Statement> fts_insert_;
  std::optional<Statement> fts_delete_;
  // Scratch buffers reused from one article to the next.
  std::string topics_json_;
  std::string topics_text_;
  std::string related_doc_;
};

}  // namespace newsdb::sqlite
