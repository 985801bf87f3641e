#include "cli/output/bar_chart.hpp"

#include <algorithm>

#include "cli/output/text_width.hpp"

namespace newsdb::cli {
namespace {

// Eighths of a cell, for bars that do not end on a whole column.
constexpr const char* kEighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
constexpr int kDefaultWidth = 80;
constexpr int kMaxBar = 60;

}  // namespace

std::string grouped(std::int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

void print_bar_chart(std::ostream& out, const std::vector<std::pair<std::string, std::int64_t>>& bars,
                     int width, const Style& style) {
  if (bars.empty()) return;
  if (width <= 0) width = kDefaultWidth;
  int label_width = 0, count_width = 0;
  std::int64_t largest = 0;
  for (const auto& [label, value] : bars) {
    label_width = std::max(label_width, display_width(label));
    count_width = std::max(count_width, static_cast<int>(grouped(value).size()));
    largest = std::max(largest, value);
  }
  int room = std::clamp(width - label_width - count_width - 4, 1, kMaxBar);
  for (const auto& [label, value] : bars) {
    std::int64_t eighths = largest > 0 ? (std::max<std::int64_t>(value, 0) * room * 8 + largest / 2) / largest : 0;
    if (value > 0 && eighths == 0) eighths = 1;  // a month with articles never looks empty
    std::string bar;
    for (std::int64_t i = 0; i < eighths / 8; ++i) bar += "█";
    bar += kEighths[eighths % 8];
    int drawn = display_width(bar);
    std::string count = grouped(value);
    out << pad_to(label, label_width) << "  " << style.accent(bar)
        << std::string(static_cast<std::size_t>(room - drawn + 1), ' ')
        << std::string(static_cast<std::size_t>(count_width) - count.size(), ' ') << count << '\n';
  }
}

}  // namespace newsdb::cli
