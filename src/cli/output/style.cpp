#include "cli/output/style.hpp"

#include <newsdb/article_reader.hpp>

namespace newsdb::cli {
namespace {
constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kMatch = "\x1b[1;33m";
}  // namespace

std::string Style::wrap(std::string_view code, std::string_view text) const {
  if (!color_ || text.empty()) return std::string(text);
  std::string out = "\x1b[";
  out += code;
  out += 'm';
  out += text;
  out += kReset;
  return out;
}

std::string Style::matches(std::string_view marked) const {
  std::string out;
  out.reserve(marked.size() + 16);
  bool open = false;
  for (char c : marked) {
    if (c == kMatchStart) {
      if (color_ && !open) out += kMatch;
      open = true;
    } else if (c == kMatchEnd) {
      if (color_ && open) out += kReset;
      open = false;
    } else {
      out += c;
    }
  }
  if (color_ && open) out += kReset;
  return out;
}

}  // namespace newsdb::cli
