// The output formats (`--format`); Context::output_format picks one for a command.
#pragma once

#include <newsdb/error.hpp>
#include <span>
#include <string>
#include <string_view>

namespace newsdb::cli {

enum class Format { kTable, kJson, kNdjson, kCsv, kTsv, kFrontmatter, kUrls, kText };

std::string_view format_name(Format format);

// Parses `name` among `allowed`; kInvalidInput naming the allowed ones otherwise. "table" and
// "text" both name a command's readable layout (the docs call it `table`; `show` and `stats`
// print text, not a grid): either is taken for whichever of kTable and kText `allowed` holds.
Result<Format> parse_format(std::string_view name, std::span<const Format> allowed);

// "table, json, ndjson" for help texts and messages.
std::string format_list(std::span<const Format> allowed);

}  // namespace newsdb::cli
