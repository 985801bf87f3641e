#include "cli/output/format.hpp"

namespace newsdb::cli {

std::string_view format_name(Format format) {
  switch (format) {
    case Format::kTable: return "table";
    case Format::kJson: return "json";
    case Format::kNdjson: return "ndjson";
    case Format::kCsv: return "csv";
    case Format::kTsv: return "tsv";
    case Format::kFrontmatter: return "frontmatter";
    case Format::kUrls: return "urls";
    case Format::kText: return "text";
  }
  return "?";
}

std::string format_list(std::span<const Format> allowed) {
  std::string out;
  for (Format f : allowed) {
    if (!out.empty()) out += ", ";
    out += format_name(f);
  }
  return out;
}

Result<Format> parse_format(std::string_view name, std::span<const Format> allowed) {
  for (Format f : allowed) {
    if (format_name(f) == name) return f;
  }
  if (name == format_name(Format::kTable) || name == format_name(Format::kText)) {
    for (Format f : allowed) {
      if (f == Format::kTable || f == Format::kText) return f;
    }
  }
  return fail(ErrorKind::kInvalidInput, "unknown format '" + std::string(name) +
                                            "': use --format with one of " + format_list(allowed));
}

}  // namespace newsdb::cli
