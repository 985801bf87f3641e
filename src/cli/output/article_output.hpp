// Lists of articles in every --format: the writers behind `query`, `search` and `export`.
//
//   table        ID, PUBLISHED, PROVIDER, TITLE, TOPICS sized to the terminal; with a snippet
//                line under each row when the articles come from a text search
//   tsv          a header line (id, publishedDateTime, provider, title, url), then one line per
//                article (the default when stdout is not a terminal)
//   csv          RFC 4180 with a header: id, publishedDateTime, title, excerpt, provider,
//                providerDomain, topics ("; "-separated), category, type, quality, heat,
//                published, url
//   json         one array of article objects (the format's field names plus "id")
//   ndjson       one article object per line
//   urls         the canonical URL per line
//   frontmatter  frontmatter documents one after another
//
// Articles are written as they come (the table excepted: it needs every row to size columns), so
// an export of any size holds one article in memory.
#pragma once

#include <memory>
#include <newsdb/article_reader.hpp>
#include <ostream>

#include "cli/output/format.hpp"
#include "cli/output/style.hpp"

namespace newsdb::cli {

class ArticleOutput {
 public:
  virtual ~ArticleOutput() = default;
  virtual void write(const StoredArticle& article) = 0;
  // Ends the output (closes a JSON array, prints a table). Call once, even for no articles.
  virtual void finish() = 0;
  std::int64_t written() const { return written_; }

 protected:
  std::int64_t written_ = 0;
};

struct OutputOptions {
  Style style{false};
  int width = 0;  // terminal columns; 0 = no limit
};

std::unique_ptr<ArticleOutput> make_article_output(Format format, std::ostream& out,
                                                   const OutputOptions& options);

// The article as JSON: {"id": ..., then the format's fields}.
Json article_with_id(const StoredArticle& article);

// Serialises JSON for output: UTF-8 kept as is, invalid bytes replaced (never throws).
std::string json_text(const Json& value, int indent = -1);

// A JSON array as `format` asks: kJson, the array indented; kNdjson, one element a line.
void print_json_list(std::ostream& out, const Json& array, Format format);

}  // namespace newsdb::cli
