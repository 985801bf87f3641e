#include "cli/output/table.hpp"

#include <algorithm>
#include <numeric>

#include "cli/output/text_width.hpp"

namespace newsdb::cli {
namespace {

constexpr int kGap = 2;         // spaces between columns
constexpr int kDetailIndent = 4;

std::string toned(const Style& style, Column::Tone tone, std::string_view text) {
  switch (tone) {
    case Column::Tone::kDim: return style.dim(text);
    case Column::Tone::kAccent: return style.accent(text);
    case Column::Tone::kBold: return style.bold(text);
    case Column::Tone::kPlain: break;
  }
  return style.matches(text);
}

}  // namespace

void Table::add_row(std::vector<std::string> cells, std::optional<std::string> detail) {
  cells.resize(columns_.size());
  for (auto& cell : cells) cell = single_line(cell, /*keep_markers=*/true);
  if (detail) detail = single_line(*detail, /*keep_markers=*/true);
  rows_.push_back(Row{std::move(cells), std::move(detail)});
}

std::vector<int> Table::column_widths(int width) const {
  std::vector<int> widths(columns_.size(), 0);
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    widths[c] = display_width(columns_[c].header);
    for (const auto& row : rows_) widths[c] = std::max(widths[c], display_width(row.cells[c]));
  }
  if (width <= 0) return widths;
  auto total = [&] {
    int sum = 0, shown = 0;
    for (int w : widths) {
      if (w > 0) {
        sum += w;
        ++shown;
      }
    }
    return sum + kGap * std::max(0, shown - 1);
  };
  std::vector<std::size_t> order;
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    if (columns_[c].shrink_order > 0) order.push_back(c);
  }
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) {
    return columns_[a].shrink_order < columns_[b].shrink_order;
  });
  for (std::size_t c : order) {
    int excess = total() - width;
    if (excess <= 0) break;
    const Column& col = columns_[c];
    int floor = std::max(col.min_width, 1);
    if (widths[c] - excess >= floor) {
      widths[c] -= excess;
    } else if (col.min_width == 0) {
      widths[c] = 0;  // leaves the table, with its gap
    } else {
      widths[c] = std::min(widths[c], floor);
    }
  }
  return widths;
}

void Table::print(std::ostream& out, int width, const Style& style, bool header) const {
  std::vector<int> widths = column_widths(width);
  auto line = [&](const std::vector<std::string>& cells, bool is_header) {
    std::string text;
    bool first = true;
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      if (widths[c] == 0) continue;
      if (!first) text.append(kGap, ' ');
      first = false;
      std::string cell = fit_width(cells[c], widths[c]);
      int pad = widths[c] - display_width(cell);
      bool last = c + 1 == columns_.size() ||
                  std::all_of(widths.begin() + static_cast<long>(c) + 1, widths.end(),
                              [](int w) { return w == 0; });
      if (columns_[c].align == Align::kRight) text.append(static_cast<std::size_t>(pad), ' ');
      text += is_header ? style.bold(cell) : toned(style, columns_[c].tone, cell);
      if (columns_[c].align == Align::kLeft && !last) text.append(static_cast<std::size_t>(pad), ' ');
    }
    out << text << '\n';
  };
  std::vector<std::string> headers;
  for (const auto& col : columns_) headers.push_back(col.header);
  if (header) line(headers, true);
  for (const auto& row : rows_) {
    line(row.cells, false);
    if (row.detail) {
      int room = width > 0 ? width - kDetailIndent : 0;
      out << std::string(kDetailIndent, ' ') << style.matches(fit_width(*row.detail, room))
          << '\n';
    }
  }
}

}  // namespace newsdb::cli
