// A related entry read back from the store, which keeps each one as its JSON document (the
// `related.doc` column on every backend).
#pragma once

#include <cstdint>
#include <newsdb/article.hpp>
#include <newsdb/error.hpp>
#include <string_view>

namespace newsdb::store {

// The entry `doc` holds, for article `article_id`. A document that is not JSON or not a related
// entry is a kStore error naming the article and saying to re-import its file.
Result<RelatedArticle> stored_related(std::string_view doc, std::int64_t article_id);

}  // namespace newsdb::store
