// The article page (/articles/{id}): every field the JSON API gives, in the same order, with the
// images shown, URLs as links (http(s) only), topics and the provider as links that list their
// articles, the body as text, and the related coverage, each entry linked to its stored article
// when the store has it.
#pragma once

#include <newsdb/article_reader.hpp>
#include <string>

namespace newsdb::serve {

std::string render_article_page(const StoredArticle& article, const RelatedCoverage& coverage);

}  // namespace newsdb::serve
