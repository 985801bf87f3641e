// STUB: implemented by the parser work (issue 2).
#include <newsdb/document.hpp>

namespace newsdb {

InputFormat input_format_for_path(std::string_view path) {
  if (path.ends_with(".json")) return InputFormat::kJson;
  if (path.ends_with(".ndjson") || path.ends_with(".jsonl")) return InputFormat::kNdjson;
  return InputFormat::kFrontmatter;
}

ParsedInput parse_input(std::string_view, std::string_view path, InputFormat,
                        const ParseLimits&) {
  ParsedInput out;
  out.status = InputStatus::kFailed;
  out.diagnostics.push_back(Diagnostic{std::string(path), 0, 0, "", "parser not implemented yet"});
  return out;
}

}  // namespace newsdb
