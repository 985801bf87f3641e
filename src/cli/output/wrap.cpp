#include "cli/output/wrap.hpp"

#include "cli/output/text_width.hpp"

namespace newsdb::cli {
namespace {

std::vector<std::string> paragraphs(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line = single_line(text.substr(start, end - start));
    if (line.empty()) {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
    } else {
      if (!current.empty()) current += ' ';
      current += line;
    }
    start = end + 1;
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

}  // namespace

std::vector<std::string> wrap_text(std::string_view text, int width) {
  std::vector<std::string> lines;
  bool first = true;
  for (const auto& paragraph : paragraphs(text)) {
    if (!first) lines.emplace_back();
    first = false;
    if (width <= 0) {
      lines.push_back(paragraph);
      continue;
    }
    std::string line;
    int used = 0;
    std::size_t i = 0;
    while (i < paragraph.size()) {
      auto end = paragraph.find(' ', i);
      if (end == std::string::npos) end = paragraph.size();
      std::string word = paragraph.substr(i, end - i);
      i = end + 1;
      int w = display_width(word);
      if (used > 0 && used + 1 + w > width) {
        lines.push_back(std::move(line));
        line.clear();
        used = 0;
      }
      if (w > width) {
        word = fit_width(word, width);
        w = display_width(word);
      }
      if (used > 0) {
        line += ' ';
        ++used;
      }
      line += word;
      used += w;
    }
    if (!line.empty()) lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace newsdb::cli
