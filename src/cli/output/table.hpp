// A table of text cells sized to the terminal: columns take their natural width when it fits;
// otherwise the columns marked to shrink give up room in order (down to their minimum, or out of
// the table entirely when their minimum is 0), and cells are cut with `…`. Cells are one line
// (see single_line); cells may hold match markers, which are drawn with Style::matches.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/output/style.hpp"

namespace newsdb::cli {

enum class Align { kLeft, kRight };

struct Column {
  std::string header;
  Align align = Align::kLeft;
  // Shrinking order: 0 never shrinks; lower numbers shrink first.
  int shrink_order = 0;
  int min_width = 0;  // a shrinking column narrower than this leaves the table (0: may vanish)
  enum class Tone { kPlain, kDim, kAccent, kBold } tone = Tone::kPlain;
};

class Table {
 public:
  explicit Table(std::vector<Column> columns) : columns_(std::move(columns)) {}

  // `detail` is a second line under the row, indented, cut to the table's width (a snippet).
  void add_row(std::vector<std::string> cells, std::optional<std::string> detail = std::nullopt);
  bool empty() const { return rows_.empty(); }

  // width <= 0: no limit (not a terminal).
  void print(std::ostream& out, int width, const Style& style, bool header = true) const;

 private:
  struct Row {
    std::vector<std::string> cells;
    std::optional<std::string> detail;
  };
  std::vector<int> column_widths(int width) const;

  std::vector<Column> columns_;
  std::vector<Row> rows_;
};

}  // namespace newsdb::cli
