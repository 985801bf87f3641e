#include "cli/commands/source_table.hpp"

#include <algorithm>
#include <newsdb/date.hpp>
#include <newsdb/fetch_schedule.hpp>
#include <ostream>
#include <string>

#include "cli/output/redacted_url.hpp"
#include "cli/output/text_width.hpp"

namespace newsdb::cli {
namespace {

Json optional_time(const std::optional<Timestamp>& t) {
  return t ? Json(format_timestamp(*t)) : Json(nullptr);
}

template <typename T>
Json optional_value(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

// Cuts `text` to `width` columns (counting UTF-8 code points), marking the cut with "…".
std::string fit(const std::string& text, std::size_t width) {
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (points + 1 == width && i + 1 < text.size()) {
      std::size_t rest = 0;  // code points left from i on
      for (std::size_t j = i; j < text.size(); ++j) {
        if ((static_cast<unsigned char>(text[j]) & 0xC0) != 0x80) ++rest;
      }
      if (rest > 1) return text.substr(0, i) + "…";
    }
    ++points;
  }
  return text;
}

std::size_t columns(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string status_text(const Source& s) {
  if (s.last_status) return std::to_string(*s.last_status);
  if (s.last_error) return "error";
  return "-";
}

}  // namespace

std::string relative_time(Timestamp t, Timestamp now) {
  auto delta = t - now;
  bool past = delta < std::chrono::seconds(0);
  auto magnitude = past ? -delta : delta;
  if (magnitude < std::chrono::seconds(1)) return "now";
  std::string amount;
  for (auto [unit, size] : {std::pair{'d', std::chrono::seconds(std::chrono::days(1))},
                            std::pair{'h', std::chrono::seconds(std::chrono::hours(1))},
                            std::pair{'m', std::chrono::seconds(std::chrono::minutes(1))},
                            std::pair{'s', std::chrono::seconds(1)}}) {
    if (magnitude >= size) {
      amount = std::to_string(magnitude / size) + unit;
      break;
    }
  }
  return past ? amount + " ago" : "in " + amount;
}

Json sources_to_json(const std::vector<Source>& sources) {
  Json out = Json::array();
  for (const auto& s : sources) {
    Json o = Json::object();
    o["id"] = s.id;
    o["url"] = redacted_url(s.url);
    o["title"] = optional_value(s.title);
    o["every"] = format_duration(s.every);
    o["everySeconds"] = s.every.count();
    o["lastFetchAt"] = optional_time(s.last_fetch_at);
    o["lastStatus"] = optional_value(s.last_status);
    o["lastNewItems"] = s.last_new_items;
    o["errorCount"] = s.error_count;
    o["lastError"] = s.last_error ? Json(redacted_text(*s.last_error)) : Json(nullptr);
    o["nextDueAt"] = optional_time(s.next_due_at);
    o["etag"] = optional_value(s.etag);
    o["lastModified"] = optional_value(s.last_modified);
    o["createdAt"] = format_timestamp(s.created_at);
    out.push_back(std::move(o));
  }
  return out;
}

void print_sources_table(const std::vector<Source>& sources, Timestamp now, int width,
                         std::ostream& out) {
  const std::vector<std::string> header = {"URL",    "EVERY",  "LAST FETCH", "STATUS",
                                           "NEW",    "ERRORS", "NEXT DUE",   "LAST ERROR"};
  std::vector<std::vector<std::string>> rows;
  for (const auto& s : sources) {
    rows.push_back({single_line(redacted_url(s.url)), format_duration(s.every),
                    s.last_fetch_at ? relative_time(*s.last_fetch_at, now) : "never",
                    status_text(s), std::to_string(s.last_new_items),
                    std::to_string(s.error_count),
                    s.is_due(now) ? "due" : relative_time(*s.next_due_at, now),
                    single_line(redacted_text(s.last_error.value_or("")))});
  }
  std::vector<std::size_t> widths(header.size());
  for (std::size_t c = 0; c < header.size(); ++c) {
    widths[c] = columns(header[c]);
    for (const auto& r : rows) widths[c] = std::max(widths[c], columns(r[c]));
  }
  if (width > 0) {
    // Give URL and LAST ERROR what the fixed columns leave, URL first (it is the key).
    std::size_t fixed = 0;
    for (std::size_t c = 1; c + 1 < header.size(); ++c) fixed += widths[c] + 2;
    std::size_t room = static_cast<std::size_t>(width) > fixed + 2 ? width - fixed - 2 : 20;
    widths[0] = std::min(widths[0], std::max<std::size_t>(room * 2 / 3, 20));
    widths.back() = std::min(widths.back(), room > widths[0] ? room - widths[0] : 10);
    for (auto& r : rows) {
      r[0] = fit(r[0], widths[0]);
      r.back() = fit(r.back(), widths.back());
    }
  }
  auto print_row = [&](const std::vector<std::string>& r) {
    std::string line;
    for (std::size_t c = 0; c < r.size(); ++c) {
      bool numeric = c == 4 || c == 5;
      std::string pad(widths[c] - std::min(widths[c], columns(r[c])), ' ');
      line += numeric ? pad + r[c] : r[c] + (c + 1 < r.size() ? pad : "");
      if (c + 1 < r.size()) line += "  ";
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  };
  print_row(header);
  for (const auto& r : rows) print_row(r);
}

}  // namespace newsdb::cli
