// Word wrapping for readable text (`show`).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsdb::cli {

// `text` as lines of at most `width` columns (words longer than a line are cut), each paragraph
// (split at blank lines) wrapped on its own; width <= 0 keeps every paragraph on one line.
// Control characters are made safe as single_line does.
std::vector<std::string> wrap_text(std::string_view text, int width);

}  // namespace newsdb::cli
