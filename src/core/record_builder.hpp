// Typed records from an event stream: every rule of docs/format.md, written once
// for YAML frontmatter and JSON records alike.
//
// The rules this builder applies (README, "Article format rules", is the user-facing version):
//  - an article needs `title` (text, not only white space) and a URL (`originalUrl`, else
//    `webUrl`) that is an absolute http(s) URL; so does every related entry;
//  - text fields take text (in YAML any non-null scalar, so `title: 1984` is the text "1984");
//    null means absent;
//  - `quality`, `heat`: 64-bit integers; `width`, `height`: non-negative; `published`,
//    `isCached`: booleans (YAML also yes/no/on/off); `publishedDateTime`: see date.hpp;
//  - `topics`: a list of text, or one text; `provider`: a mapping with a `name` or a `domain`;
//    `images`: mappings with a non-empty `url`; `related`: mappings; an empty item of those lists
//    (null, blank text, `{}`) is dropped with a warning;
//  - unknown fields are kept, at every level, as JSON values (YAML plain scalars resolved with the
//    YAML 1.2 core schema); a field may appear once per mapping;
//  - the top-level `id` is newsdb's own (its output adds it) and is ignored on input.
#pragma once

#include <newsdb/article.hpp>
#include <newsdb/diagnostic.hpp>
#include <newsdb/document.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/record_events.hpp"

namespace newsdb {

class RecordBuilder {
 public:
  // Problems are appended to `diagnostics` with line, column (from the events), field and message
  // set and `path` left empty for the caller; errors and warnings (severity kWarning: a quirk
  // that loses no meaning, such as an empty item of `topics`, which is dropped) in input order.
  // Of `limits` the builder applies its own: a mapping with more than max_mapping_fields fields is
  // an error (its other fields are skipped: keeping unknown fields in order costs a look-up per
  // field, so the count must stay bounded), and the topics together, as the store joins them
  // into one text, are one value of at most max_field_bytes. The source applies the others.
  RecordBuilder(EventSource& source, std::vector<Diagnostic>& diagnostics,
                const ParseLimits& limits = {});

  // Reads the source's root node as an article (canonical_url set) or as a related entry. Returns
  // nullopt when the record had any error, after reporting each (at most kMaxErrorsPerRecord).
  std::optional<Article> read_article();
  std::optional<RelatedArticle> read_related();

  // Whether the source itself failed (a syntax error or a limit): its diagnostic is reported.
  bool source_failed() const { return source_failed_; }
  // Whether the root node was absent (an empty document); reported as an error by read_*.
  bool was_empty() const { return was_empty_; }

  static constexpr int kMaxErrorsPerRecord = 20;
  static constexpr int kMaxWarningsPerRecord = 20;

 private:
  enum class Level { kArticle, kRelated };
  class PathScope;
  struct RecordMarks;

  void next();
  bool stopped() const { return source_failed_ || too_many_errors_ || gave_up_ || ended_; }
  void error(SourceMark mark, std::string message);
  void warning(SourceMark mark, std::string message);
  void mismatch(const char* expected);
  void skip_value();

  bool begin_record(const char* what);
  void expect_end();
  void read_fields(ArticleFields& fields, Level level, Article* article, RecordMarks& marks);
  bool read_known_field(int field, ArticleFields& fields, Article* article, RecordMarks& marks);
  void check_record(const ArticleFields& fields, SourceMark start, const RecordMarks& marks);
  void read_unknown(Json& extra, std::string key, SourceMark key_mark);
  Json capture_value();

  void read_text(std::optional<std::string>& out);
  void read_url(std::optional<std::string>& out);
  void read_date(std::optional<Timestamp>& out);
  void read_int(std::optional<std::int64_t>& out, bool non_negative);
  void read_bool(std::optional<bool>& out);
  void read_provider(std::optional<Provider>& out);
  void warn_empty_item(SourceMark mark, const char* list);
  void read_topics(std::vector<std::string>& out);
  void read_images(std::vector<Image>& out);
  bool read_image(Image& image);  // false: nothing to keep (an empty mapping, or stopped)
  void read_related_list(std::vector<RelatedArticle>& out);
  // Reads a mapping's keys, calling on_field(key, key_mark) with the value as the current event
  // (which on_field must consume). Handles non-text keys and duplicates.
  template <typename OnField>
  void for_each_field(OnField on_field);

  EventSource& source_;
  std::vector<Diagnostic>& diagnostics_;
  Event event_;
  std::string path_;  // the field path of the current value, e.g. "related[1].provider"
  std::size_t max_fields_;
  std::size_t max_text_bytes_;
  int errors_ = 0;
  int warnings_ = 0;
  bool source_failed_ = false;
  bool too_many_errors_ = false;
  bool ended_ = false;
  bool gave_up_ = false;  // a limit of the builder's own (fields in a mapping, topics' bytes)
  bool was_empty_ = false;
};

}  // namespace newsdb
