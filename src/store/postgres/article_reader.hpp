// PostgreSQL implementation of ArticleReader (see <newsdb/article_reader.hpp>). The SQL lives in
// query_plan.cpp (finding, facets), article_loader.cpp (whole records), reader_queries.cpp
// (related coverage, statistics) and read_only_sql.cpp; the answers are the SQLite reader's.
#pragma once

#include <newsdb/article_reader.hpp>

#include "store/postgres/connection.hpp"
#include "store/postgres/query_plan.hpp"

namespace newsdb::postgres {

class PgArticleReader final : public ArticleReader {
 public:
  explicit PgArticleReader(Connection& conn) : conn_(conn) {}

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
  // The ids of the page `query` asks for, in order.
  Result<std::vector<std::int64_t>> find_ids(const Query& query, const ResolvedFilter& filter);
  Result<void> add_snippets(const ResolvedFilter& filter, std::vector<StoredArticle>& articles);

  Connection& conn_;
};

}  // namespace newsdb::postgres
