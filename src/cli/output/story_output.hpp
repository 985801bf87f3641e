// Stories in every --format (`newsdb stories`, `newsdb story`):
//
//   table   ID, LAST, ARTICLES, PROVIDERS, TITLE, TOPICS sized to the terminal
//   tsv     a header (id, lastPublished, articles, providers, title), one line per story
//   csv     a header: id, title, articles, providers, firstPublished, lastPublished, topics
//           ("; "-separated)
//   json    an array of story objects; ndjson one a line. Keys exactly: id, title, articles,
//           providers, firstPublished, lastPublished, topics
#pragma once

#include <newsdb/story_reader.hpp>
#include <ostream>
#include <vector>

#include "cli/output/article_output.hpp"
#include "cli/output/format.hpp"

namespace newsdb::cli {

Json story_json(const StorySummary& story);

void print_stories(std::ostream& out, Format format, const std::vector<StorySummary>& stories,
                   const OutputOptions& options);

// `newsdb story` as text: the headline, its size and span, who reported first, then every
// article earliest first (time, provider, title, id and URL).
void print_story_text(std::ostream& out, const StorySummary& story,
                      const std::vector<StoredArticle>& articles, const OutputOptions& options);

}  // namespace newsdb::cli
