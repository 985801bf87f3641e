#include <cstdio>
#include <newsdb/document.hpp>

#include "core/frontmatter.hpp"
#include "core/json_records.hpp"
#include "core/record_builder.hpp"
#include "core/text_checks.hpp"
#include "core/text_scan.hpp"
#include "core/yaml_events.hpp"

namespace newsdb {
namespace {

Diagnostic at(SourceMark mark, std::string message) {
  return Diagnostic{{}, mark.line, mark.column, {}, std::move(message)};
}

// The size is not given: a caller may pass only the first limit + 1 bytes of a larger file.
std::string bytes_over_limit(std::size_t limit) {
  return "the file is larger than the limit of " + std::to_string(limit) + " bytes";
}

// Text checks every input passes: no NUL byte (a binary file), valid UTF-8.
bool check_text(std::string_view text, ParsedInput& out) {
  std::optional<TextProblem> problem = find_text_problem(text);
  if (!problem) return true;
  if (problem->nul) {
    out.diagnostics.push_back(
        at(mark_at(text, problem->offset), "NUL byte: this is a binary file, not UTF-8 text"));
  } else {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[problem->offset]));
    out.diagnostics.push_back(
        at(mark_at(text, problem->offset),
           std::string("invalid UTF-8 (byte ") + byte + "): text must be UTF-8"));
  }
  return false;
}

void parse_frontmatter(std::string_view text, const ParseLimits& limits, ParsedInput& out) {
  FrontmatterParts parts = split_frontmatter(text);
  if (parts.kind == FrontmatterParts::Kind::kNotAnArticle) {
    out.status = InputStatus::kNotAnArticle;
    out.diagnostics.push_back(at(
        SourceMark{1, 1}, "not an article: the first line must be `---` to open the frontmatter"));
    return;
  }
  out.failed_records = 1;  // until the article is read
  if (text.size() > limits.max_document_bytes) {
    out.diagnostics.push_back(at(SourceMark{}, bytes_over_limit(limits.max_document_bytes)));
    return;
  }
  if (!check_text(text, out)) return;
  if (parts.kind == FrontmatterParts::Kind::kUnclosed) {
    out.diagnostics.push_back(at(SourceMark{1, 1},
                                 "the frontmatter opened here is not closed: add a line `---` "
                                 "after its last field"));
    return;
  }
  YamlEventSource source(parts.yaml, 2, limits);
  RecordBuilder builder(source, out.diagnostics, limits);
  std::optional<Article> article = builder.read_article();
  if (!article) return;
  if (parts.body) {
    if (article->body) {
      out.diagnostics.push_back(at(SourceMark{1, 1},
                                   "`body` is set in the frontmatter and the file also has a body "
                                   "after it: keep one"));
      return;
    }
    article->body.emplace(*parts.body);
  }
  out.failed_records = 0;
  out.articles.push_back(std::move(*article));
}

void parse_json(std::string_view text, InputFormat format, const ParseLimits& limits,
                ParsedInput& out) {
  std::size_t limit =
      format == InputFormat::kNdjson ? limits.max_ndjson_bytes : limits.max_document_bytes;
  if (text.size() > limit) {
    out.failed_records = 1;
    out.diagnostics.push_back(at(SourceMark{}, bytes_over_limit(limit)));
    return;
  }
  if (!check_text(text, out)) {
    out.failed_records = 1;
    return;
  }
  read_json_records(text, format, limits, out);
}

}  // namespace

InputFormat input_format_for_path(std::string_view path) {
  if (ends_with_ignoring_case(path, ".json")) return InputFormat::kJson;
  if (ends_with_ignoring_case(path, ".ndjson") || ends_with_ignoring_case(path, ".jsonl")) {
    return InputFormat::kNdjson;
  }
  return InputFormat::kFrontmatter;
}

ParsedInput parse_input(std::string_view bytes, std::string_view path, InputFormat format,
                        const ParseLimits& limits) {
  ParsedInput out;
  std::string_view text = strip_bom(bytes);
  if (format == InputFormat::kFrontmatter) {
    parse_frontmatter(text, limits, out);
  } else {
    parse_json(text, format, limits, out);
  }
  for (Diagnostic& d : out.diagnostics) d.path = path;
  if (out.status != InputStatus::kNotAnArticle) {
    bool failed = false;
    for (const Diagnostic& d : out.diagnostics) failed |= d.severity == Severity::kError;
    out.status = failed ? InputStatus::kFailed : InputStatus::kArticles;
  }
  return out;
}

}  // namespace newsdb
