// Text as a terminal shows it: display width in columns, cutting to a width with `…`, and making
// any stored text safe to print on one line.
//
// Widths follow wcwidth(3) conventions: East Asian wide and fullwidth characters and most emoji
// take two columns, combining marks, zero-width joiners and variation selectors none. The match
// markers kMatchStart / kMatchEnd (see <newsdb/article_reader.hpp>) take none and are kept.
#pragma once

#include <string>
#include <string_view>

namespace newsdb::cli {

// Columns `text` takes on a terminal.
int display_width(std::string_view text);

// `text` cut to at most `width` columns, ending in `…` when something was cut. width <= 0 means
// no limit. Never splits a UTF-8 sequence.
std::string fit_width(std::string_view text, int width);

// `text` padded with spaces to `width` columns (unchanged when already as wide).
std::string pad_to(std::string_view text, int width);

// One line of printable text: line and word breaks (tab, newline, CR, VT, FF, NEL, U+2028/9)
// become spaces, runs of them collapse to one space, leading and trailing space go; every other
// control character (ESC above all, so stored text cannot drive the terminal) is shown as its
// C-style escape (`\x1b`, see escape_controls); bytes that are not UTF-8 become U+FFFD. The match
// markers are kept when `keep_markers`.
std::string single_line(std::string_view text, bool keep_markers = false);

// `text` with its lines kept: control characters other than newline and tab (ESC above all)
// are shown as C-style escapes (`\x1b`), CR and CRLF line ends become LF, invalid UTF-8 becomes U+FFFD.
std::string printable(std::string_view text);

}  // namespace newsdb::cli
