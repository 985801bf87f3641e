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

// Added with the reader interface's related / stats / run_sql (issue 4); to be implemented by
// the PostgreSQL work (issue 8).
Result<RelatedCoverage> PgArticleReader::related(std::int64_t) {
  return fail(ErrorKind::kUnsupported, "related is not implemented for PostgreSQL yet");
}
Result<StoreStats> PgArticleReader::stats(std::int64_t) {
  return fail(ErrorKind::kUnsupported, "stats is not implemented for PostgreSQL yet");
}
Result<void> PgArticleReader::run_sql(std::string_view, SqlRowSink&) {
  return fail(ErrorKind::kUnsupported, "sql is not implemented for PostgreSQL yet");
}

}  // namespace newsdb::postgres
