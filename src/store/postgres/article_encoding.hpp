// How an article's parts are kept in columns: case-folded keys, the text the search index reads,
// unknown fields as JSON text, a related entry as one JSON document, and the content hash that
// tells an unchanged article from an updated one.
//
// Both backends must encode alike so that `newsdb migrate` copies rows as they are and a
// re-import after a migration finds its articles unchanged.
#pragma once

#include <newsdb/article.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace newsdb::postgres {

// The form names are compared in (topics, providers, categories, types): case-folded.
std::string fold_key(std::string_view name);

// Topics as the full-text index reads them: one per line, in order.
std::string topics_text(const ArticleFields& article);

// Unknown fields as a JSON object text; nullopt when there are none.
std::optional<std::string> extra_text(const Json& extra);

// The whole related entry as JSON (article format field names), so that it reads back exactly.
std::string related_doc(const RelatedArticle& related);

// A hash of everything stored about `article` (all fields, in order, the body included): equal
// hashes mean nothing to update.
std::string content_hash(const Article& article);

}  // namespace newsdb::postgres
