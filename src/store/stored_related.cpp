#include "store/stored_related.hpp"

#include <newsdb/article_json.hpp>
#include <string>

namespace newsdb::store {

Result<RelatedArticle> stored_related(std::string_view doc, std::int64_t article_id) {
  Json json = Json::parse(doc, nullptr, /*allow_exceptions=*/false);
  Result<RelatedArticle> entry = fail(ErrorKind::kStore, "not JSON");
  if (!json.is_discarded()) entry = related_article_from_json(json);
  if (!entry) {
    return fail(ErrorKind::kStore, "article " + std::to_string(article_id) +
                                       ": a stored related entry does not parse (" +
                                       entry.error().message + "); re-import its file");
  }
  return entry;
}

}  // namespace newsdb::store
