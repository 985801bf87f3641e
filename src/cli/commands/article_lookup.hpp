// `show` and `related` name one article by its id (as the lists print it) or by any URL that
// canonicalises to its own.
#pragma once

#include <newsdb/article_reader.hpp>
#include <string>

namespace newsdb::cli {

// nullopt when no stored article has that id or URL. kInvalidInput when `id_or_url` is neither a
// number nor an absolute http(s) URL.
Result<std::optional<StoredArticle>> lookup_article(ArticleReader& reader,
                                                    const std::string& id_or_url);

// "no article with id 7" / "no article with URL ...", and what to try instead.
std::string not_found_message(const std::string& id_or_url);

}  // namespace newsdb::cli
