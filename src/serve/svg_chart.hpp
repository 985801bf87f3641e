// Bar charts as inline SVG (no script, no style attributes: the CSP allows neither). Labels and
// links are escaped here; a bar with a link is an SVG <a>, so a click narrows the list.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace newsdb::serve {

struct Bar {
  std::string label;  // text
  std::int64_t count = 0;
  std::string link;  // a URL on this server ("/?since=..."), or "" for none
};

// Vertical bars side by side (a histogram over time); labels under the first, the last and a few
// between. `css_class` names the <svg> element's class.
std::string column_chart(const std::vector<Bar>& bars, const std::string& css_class,
                         const std::string& label);

// One horizontal bar a line, label on the left and count on the right.
std::string row_chart(const std::vector<Bar>& bars, const std::string& label);

}  // namespace newsdb::serve
