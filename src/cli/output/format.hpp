// The output formats (`--format`) and which one a command uses when none is asked for.
#pragma once

#include <newsdb/error.hpp>
#include <span>
#include <string>
#include <string_view>

namespace newsdb::cli {

enum class Format { kTable, kJson, kNdjson, kCsv, kTsv, kFrontmatter, kUrls, kText };

std::string_view format_name(Format format);

// Parses `name` among `allowed`; kInvalidInput naming the allowed ones otherwise.
Result<Format> parse_format(std::string_view name, std::span<const Format> allowed);

// "table, json, ndjson" for help texts and messages.
std::string format_list(std::span<const Format> allowed);

// The format when --format is not given: `on_terminal` when stdout is a terminal, else
// `in_pipe` (script-friendly: tab-separated values for lists).
inline Format default_format(bool stdout_is_terminal, Format on_terminal, Format in_pipe) {
  return stdout_is_terminal ? on_terminal : in_pipe;
}

}  // namespace newsdb::cli
