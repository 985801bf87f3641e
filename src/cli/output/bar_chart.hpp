// A horizontal bar chart drawn with block characters, one labelled bar per line:
//   2023-11  ██████████████▋  1,234
// Bars are scaled so that the largest value fills the room left by the labels and counts.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "cli/output/style.hpp"

namespace newsdb::cli {

// width <= 0: drawn for 80 columns.
void print_bar_chart(std::ostream& out, const std::vector<std::pair<std::string, std::int64_t>>& bars,
                     int width, const Style& style);

// 1234567 -> "1,234,567".
std::string grouped(std::int64_t n);

}  // namespace newsdb::cli
