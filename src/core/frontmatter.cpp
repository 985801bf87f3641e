#include "core/frontmatter.hpp"

namespace newsdb {
namespace {

// The line starting at `pos` without its line break, and where the next line starts.
struct Line {
  std::string_view text;
  std::size_t next;
};

Line line_at(std::string_view text, std::size_t pos) {
  std::size_t end = text.find('\n', pos);
  if (end == std::string_view::npos) return Line{text.substr(pos), text.size()};
  return Line{text.substr(pos, end - pos), end + 1};
}

std::string_view trim_trailing_blanks(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
    line.remove_suffix(1);
  }
  return line;
}

bool is_blank(std::string_view line) {
  return trim_trailing_blanks(line).empty();
}

}  // namespace

std::string_view strip_bom(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  return text;
}

FrontmatterParts split_frontmatter(std::string_view text) {
  FrontmatterParts parts;
  Line opener = line_at(text, 0);
  if (trim_trailing_blanks(opener.text) != "---") return parts;
  std::size_t yaml_start = opener.next;
  for (std::size_t pos = yaml_start; pos < text.size();) {
    Line line = line_at(text, pos);
    std::string_view fence = trim_trailing_blanks(line.text);
    if (fence == "---" || fence == "...") {
      parts.kind = FrontmatterParts::Kind::kArticle;
      parts.yaml = text.substr(yaml_start, pos - yaml_start);
      std::size_t body = line.next;
      while (body < text.size()) {  // drop leading blank lines
        Line next = line_at(text, body);
        if (!is_blank(next.text)) break;
        body = next.next;
      }
      std::string_view rest = text.substr(body);
      if (rest.find_first_not_of(" \t\r\n") != std::string_view::npos) parts.body = rest;
      return parts;
    }
    pos = line.next;
  }
  parts.kind = FrontmatterParts::Kind::kUnclosed;
  parts.yaml = text.substr(yaml_start);
  return parts;
}

}  // namespace newsdb
