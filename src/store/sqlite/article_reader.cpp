#include "store/sqlite/article_reader.hpp"

namespace newsdb::sqlite {

// STUB: implemented by the query work (issue 4).
Result<std::vector<StoredArticle>> SqliteArticleReader::find(const Query&) {
  return fail(ErrorKind::kUnsupported, "queries are not implemented yet");
}
Result<void> SqliteArticleReader::for_each(
    const Query&, const std::function<Result<void>(const StoredArticle&)>&) {
  return fail(ErrorKind::kUnsupported, "queries are not implemented yet");
}
Result<std::optional<StoredArticle>> SqliteArticleReader::get(std::int64_t) {
  return fail(ErrorKind::kUnsupported, "queries are not implemented yet");
}
Result<std::optional<StoredArticle>> SqliteArticleReader::get_by_url(const std::string&) {
  return fail(ErrorKind::kUnsupported, "queries are not implemented yet");
}
Result<std::vector<FacetCount>> SqliteArticleReader::facet(Facet, const Filter&, std::int64_t) {
  return fail(ErrorKind::kUnsupported, "queries are not implemented yet");
}

}  // namespace newsdb::sqlite
