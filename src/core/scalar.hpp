// Scalar values: how a YAML plain scalar resolves (the YAML 1.2 core schema), and how a value is
// quoted inside a diagnostic message.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/record_events.hpp"

namespace newsdb {

// YAML 1.2 core schema: "", "~", "null", "Null", "NULL".
bool is_plain_null(std::string_view text);
// YAML 1.2 core schema: true/True/TRUE/false/False/FALSE.
std::optional<bool> plain_bool(std::string_view text);
// Boolean fields also take YAML 1.1's yes/no/on/off (any case), which people write in frontmatter.
std::optional<bool> plain_bool_lenient(std::string_view text);

enum class IntParse { kOk, kNotAnInteger, kOutOfRange };
// Decimal with an optional sign, or 0x / 0o prefixed; the whole text.
IntParse parse_plain_int(std::string_view text, std::int64_t& value);
// [-+]?(.digits|digits[.digits])([eE][-+]?digits)? ; .inf and .nan are not numbers here (JSON
// cannot hold them), so they stay text.
std::optional<double> plain_float(std::string_view text);

// How a value reads in a message: `"text"` (quoted, shortened, control characters escaped), `74`,
// `true`, `null`, `a mapping`, `a list`.
std::string describe_event(const Event& event);
// A string quoted for a message, at most ~60 characters of it.
std::string quote_for_message(std::string_view text);

}  // namespace newsdb
