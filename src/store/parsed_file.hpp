// The unit the import pipeline (src/ingest) hands to ArticleWriter::write_batch: one parsed
// input, or one part of a large one, with the pipeline's own flags — which part of its input it
// is, and whether the input is tracked by the import log (stdin is not). Internal to the library:
// the public headers only name it.
#pragma once

#include <newsdb/article.hpp>
#include <newsdb/article_writer.hpp>
#include <newsdb/diagnostic.hpp>
#include <newsdb/import_log.hpp>
#include <vector>

namespace newsdb {

enum class ContentState {
  kParsed,     // `articles` and `diagnostics` are what parsing the input gave
  kUnchanged,  // same bytes as recorded: only size and mtime are refreshed, nothing is re-parsed
};

// One parsed input, or one part of a large one (an NDJSON file is cut into parts so that memory
// stays bounded by the batch). Parts of one input come in order, in one or several batches.
struct ParsedFile {
  ImportRecord record;  // written with the last part; `outcome` and `articles` cover every part
  ContentState content = ContentState::kParsed;
  bool first_part = true;  // the input's previously recorded errors are cleared with it
  bool last_part = true;   // the import record is written with it
  bool tracked = true;     // false for stdin: errors are kept, but no import record
  std::vector<Article> articles;        // in input order, each with canonical_url set
  std::vector<Diagnostic> diagnostics;  // errors among them are recorded for `newsdb errors`
};

}  // namespace newsdb
