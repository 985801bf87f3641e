// SQLite implementation of ArticleReader (see <newsdb/article_reader.hpp>). The SQL lives in
// query_plan.cpp (finding, facets), article_loader.cpp (whole records), related_coverage.cpp,
// store_stats.cpp and read_only_sql.cpp.
#pragma once

#include <newsdb/article_reader.hpp>

#include "store/sqlite/article_loader.hpp"
#include "store/sqlite/database.hpp"

namespace newsdb::sqlite {

class SqliteArticleReader final : public ArticleReader {
 public:
  explicit SqliteArticleReader(Database& db) : db_(db), loader_(db) {}

  Result<std::vector<StoredArticle>> find(const Query& query) override;
  Result<void> for_each(const Query& query,
                        const std::function<Result<void>(const StoredArticle&)>& sink) override;
  Result<std::int64_t> count(const Filter& filter) override;
  Result<std::optional<StoredArticle>> get(std::int64_t id) override;
  Result<std::optional<StoredArticle>> get_by_url(const std::string& url) override;
  Result<std::vector<FacetCount>> facet(Facet facet, const Filter& filter,
                                        std::int64_t limit) override;
  Result<RelatedCoverage> related(std::int64_t id) override;
  Result<StoreStats> stats(std::int64_t top) override;
  Result<void> run_sql(std::string_view sql, SqlRowSink& sink,
                       std::chrono::milliseconds timeout) override;
  Result<std::vector<TableSchema>> schema() override;

 private:
  // The ids of the page `query` asks for, in order; `match` (when given) receives the FTS5
  // expression used, "" without text.
  Result<std::vector<std::int64_t>> find_ids(const Query& query, std::string* match);
  Result<void> add_snippet(Statement& stmt, const std::string& match, StoredArticle& article);

  Database& db_;
  ArticleLoader loader_;
};

}  // namespace newsdb::sqlite
