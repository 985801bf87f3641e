// A related entry as the JSON kept in related.doc: the article format's field names and order
// (<newsdb/article_json.hpp> reads it back), absent fields left out, unknown fields last in their
// input order.
//
// Written directly into a string rather than through a Json tree: the writer makes one per
// related entry, about two per article, and building the tree cost a tenth of the writer's time.
#pragma once

#include <newsdb/article.hpp>
#include <string>

namespace newsdb::sqlite {

// Replaces `out` with the JSON of `related`. Thread-safe.
void write_related_doc(const RelatedArticle& related, std::string& out);

}  // namespace newsdb::sqlite
