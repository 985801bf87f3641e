// `newsdb show`'s readable text: the article whole, laid out for a person.
//
//   TITLE (bold)
//   Provider (domain) · 2023-11-24T05:12:00Z · category · type
//   id 1 · quality 74 · heat 104 · published
//   URL lines, topics
//   the excerpt, wrapped
//   Images, Related (numbered), other fields (the unknown ones, as JSON), secured (its size)
//   the body, as written
#pragma once

#include <newsdb/article_reader.hpp>
#include <ostream>

#include "cli/output/style.hpp"

namespace newsdb::cli {

// width <= 0: no wrapping (not a terminal).
void print_article_text(std::ostream& out, const StoredArticle& article, int width,
                        const Style& style);

}  // namespace newsdb::cli
