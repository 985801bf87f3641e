// Reading inputs into typed articles: frontmatter files and JSON / NDJSON record files.
//
// Pure functions of their bytes (no I/O, thread-safe, callable from any number of workers). They
// never throw and never crash on any input: every problem becomes a Diagnostic that points at the
// file's line and column and names the field (docs/format.md, "Bad input"). Resource use is bounded by
// ParseLimits; exceeding one is a diagnostic that says which limit and its value.
#pragma once

#include <cstddef>
#include <newsdb/article.hpp>
#include <newsdb/diagnostic.hpp>
#include <string_view>
#include <vector>

namespace newsdb {

struct ParseLimits {
  std::size_t max_document_bytes = 16u << 20;  // a frontmatter or .json file, or one NDJSON line
  std::size_t max_ndjson_bytes = 256u << 20;   // a whole .ndjson file
  std::size_t max_field_bytes = 1u << 20;      // one YAML scalar (a title, an excerpt, ...)
  int max_depth = 64;                          // YAML/JSON nesting
  std::size_t max_mapping_fields = 1000;       // fields in one YAML mapping or JSON object
  std::size_t max_values = 100'000;            // values (scalars, lists, mappings) in one record
  std::size_t max_alias_expansion = 10'000;    // nodes that aliases may expand to, per document
};

enum class InputFormat {
  kFrontmatter,  // --- YAML --- body
  kJson,         // one record object, or an array of record objects
  kNdjson,       // one record object per line
};

// Chooses the format from a path's extension: .json -> kJson, .ndjson/.jsonl -> kNdjson, anything
// else -> kFrontmatter.
InputFormat input_format_for_path(std::string_view path);

enum class InputStatus {
  kArticles,      // every record parsed (articles may still be empty for an empty JSON array)
  kNotAnArticle,  // a frontmatter file without a leading `---` fence: skipped, not failed
  kFailed,        // at least one diagnostic of severity error; good records are still returned
};

struct ParsedInput {
  InputStatus status = InputStatus::kArticles;
  std::vector<Article> articles;        // in input order; each with canonical_url set
  std::vector<Diagnostic> diagnostics;  // errors and warnings, in input order, `path` set
  std::size_t failed_records = 0;       // records that failed (a failed frontmatter file: 1)
};

// Parses one input's bytes. `path` is used only in diagnostics.
//
// A frontmatter file is one article. A .json/.ndjson file holds any number of records: each
// failed record gets its diagnostics (at its line) and the others are still returned, but the
// input as a whole is kFailed. Inputs over max_document_bytes (.ndjson: max_ndjson_bytes) fail
// with a diagnostic naming the limit, except that a frontmatter input whose first line is not a
// fence is kNotAnArticle whatever its size (only its first line is looked at), so callers may
// pass just a prefix of a file too large to read. kNotAnArticle comes with one diagnostic that
// says why, for callers that treat an explicitly named file without frontmatter as an error.
ParsedInput parse_input(std::string_view bytes, std::string_view path, InputFormat format,
                        const ParseLimits& limits = {});

}  // namespace newsdb
