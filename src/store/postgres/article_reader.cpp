#include "store/postgres/article_reader.hpp"

namespace newsdb::postgres {

// Follows the SQLite reader as it lands on main.
Result<std::vector<StoredArticle>> PgArticleReader::find(const Query&) {
  return fail(ErrorKind::kUnsupported, "queries are not implemented yet");
}
Result<void> PgArticleReader::for_each(const Query&,
                                       const std::function<Result<void>(const StoredArticle&)>&) {
  return fail(ErrorKind::kUnsupported, "queries are not implemented yet");
}
Result<std::optional<StoredArticle>> PgArticleReader::get(std::int64_t) {
  return fail(ErrorKind::kUnsupported, "queries are not implemented yet");
}
Result<std::optional<StoredArticle>> PgArticleReader::get_by_url(const std::string&) {
  return fail(ErrorKind::kUnsupported, "queries are not implemented yet");
}
Result<std::vector<FacetCount>> PgArticleReader::facet(Facet, const Filter&, std::int64_t) {
  return fail(ErrorKind::kUnsupported, "queries are not implemented yet");
}

}  // namespace newsdb::postgres
