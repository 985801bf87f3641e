// `query --collapse` and `search --collapse`: the matches in the order asked, one per story (the
// first of each story in that order stands for it), paged by story, each with its story's size
// in StoredArticle::story_articles. No snippets: matches are streamed, not paged by the store.
#pragma once

#include <newsdb/store.hpp>

namespace newsdb::cli {

Result<std::vector<StoredArticle>> collapsed_page(Store& store, const Query& query);

}  // namespace newsdb::cli
