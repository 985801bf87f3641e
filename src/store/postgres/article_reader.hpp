// PostgreSQL implementation of ArticleReader (see <newsdb/article_reader.hpp>).
#pragma once

#include <newsdb/article_reader.hpp>

#include "store/postgres/connection.hpp"

namespace newsdb::postgres {

class PgArticleReader final : public ArticleReader {
 public:
  explicit PgArticleReader(Connection& conn) : conn_(conn) {}

  Result<std::vector<StoredArticle>> find(const Query& query) override;
  Result<void> for_each(const Query& query,
                        const std::function<Result<void>(const StoredArticle&)>& sink) override;
  Result<std::optional<StoredArticle>> get(std::int64_t id) override;
  Result<std::optional<StoredArticle>> get_by_url(const std::string& url) override;
  Result<std::vector<FacetCount>> facet(Facet facet, const Filter& filter,
                                        std::int64_t limit) override;

 private:
  Connection& conn_;
};

}  // namespace newsdb::postgres
