#include "serve/svg_chart.hpp"

#include <algorithm>

#include "serve/html.hpp"

namespace newsdb::serve {
namespace {

std::int64_t largest(const std::vector<Bar>& bars) {
  std::int64_t most = 1;
  for (const auto& b : bars) most = std::max(most, b.count);
  return most;
}

std::string linked(const Bar& bar, const std::string& shape) {
  std::string title = "<title>" + escape(bar.label) + ": " + std::to_string(bar.count) + "</title>";
  if (bar.link.empty()) return "<g>" + title + shape + "</g>";
  return "<a href=\"" + escape(bar.link) + "\">" + title + shape + "</a>";
}

}  // namespace

std::string column_chart(const std::vector<Bar>& bars, const std::string& css_class,
                         const std::string& label) {
  if (bars.empty()) return "";
  const int width = 600, height = 120, base = 100;
  double step = static_cast<double>(width) / static_cast<double>(bars.size());
  std::int64_t most = largest(bars);
  std::string out = "<svg class=\"" + escape(css_class) + "\" viewBox=\"0 0 600 120\" role=\"img\" aria-label=\"" +
                    escape(label) + "\" xmlns=\"http://www.w3.org/2000/svg\">";
  std::size_t label_every = std::max<std::size_t>(1, bars.size() / 6);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    double h = bars[i].count == 0 ? 0 : std::max(1.0, 90.0 * static_cast<double>(bars[i].count) / static_cast<double>(most));
    char shape[256];
    // The full column is the link target, so small months stay clickable.
    std::snprintf(shape, sizeof shape,
                  "<rect x=\"%.2f\" y=\"0\" width=\"%.2f\" height=\"%d\" fill=\"transparent\"/>"
                  "<rect class=\"bar\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\"/>",
                  i * step, step, base, i * step + step * 0.1, base - h, std::max(step * 0.8, 0.5), h);
    out += linked(bars[i], shape);
    if (i % label_every == 0 || i + 1 == bars.size()) {
      char text[96];
      std::snprintf(text, sizeof text, "<text x=\"%.2f\" y=\"%d\" text-anchor=\"%s\">", i * step + step / 2,
                    height - 4, i == 0 ? "start" : (i + 1 == bars.size() ? "end" : "middle"));
      out += text + escape(bars[i].label) + "</text>";
    }
  }
  out += "</svg>";
  return out;
}

std::string row_chart(const std::vector<Bar>& bars, const std::string& label) {
  if (bars.empty()) return "";
  const int row = 22;
  int height = row * static_cast<int>(bars.size());
  std::int64_t most = largest(bars);
  std::string out = "<svg class=\"chart\" viewBox=\"0 0 600 " + std::to_string(height) +
                    "\" role=\"img\" aria-label=\"" + escape(label) + "\" xmlns=\"http://www.w3.org/2000/svg\">";
  for (std::size_t i = 0; i < bars.size(); ++i) {
    double w = 330.0 * static_cast<double>(bars[i].count) / static_cast<double>(most);
    int y = static_cast<int>(i) * row;
    std::string name = shortened(bars[i].label, 40);
    char shape[200];
    std::snprintf(shape, sizeof shape, "<rect class=\"bar\" x=\"200\" y=\"%d\" width=\"%.2f\" height=\"%d\"/>",
                  y + 3, std::max(w, 1.0), row - 6);
    std::string text = "<text x=\"195\" y=\"" + std::to_string(y + 15) + "\" text-anchor=\"end\">" +
                       escape(name) + "</text><text x=\"" + std::to_string(205 + static_cast<int>(w)) +
                       "\" y=\"" + std::to_string(y + 15) + "\">" + std::to_string(bars[i].count) + "</text>";
    out += linked(bars[i], shape + text);
  }
  out += "</svg>";
  return out;
}

}  // namespace newsdb::serve
