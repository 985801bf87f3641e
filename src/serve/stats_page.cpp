#include "serve/stats_page.hpp"

#include "cli/output/dates.hpp"
#include "cli/output/stats_json.hpp"
#include "serve/html.hpp"
#include "serve/page_layout.hpp"
#include "serve/svg_chart.hpp"
#include "serve/url_state.hpp"

namespace newsdb::serve {
namespace {

std::string row(const std::string& name, std::int64_t n, const std::string& note = "") {
  return "<tr><td>" + name + "</td><td class=\"n\">" + std::to_string(n) + "</td><td>" + escape(note) + "</td></tr>";
}

}  // namespace

std::string render_stats_page(const StoreStats& s) {
  std::string body = "<h1>Stats</h1><table class=\"totals\" id=\"totals\">";
  body += row("Articles", s.articles, s.undated ? std::to_string(s.undated) + " without a date" : "");
  body += row("Providers", s.providers);
  body += row("Topics", s.topics);
  body += row("Images", s.images);
  body += row("Related entries", s.related_entries);
  if (s.failed_files) body += row("Failed files", s.failed_files, "see newsdb errors");
  body += "</table>";
  if (s.first_published) {
    body += "<p class=\"summary\">Published from " + cli::date_text(s.first_published) + " to " +
            cli::date_text(s.last_published) + "</p>";
  }
  if (!s.per_month.empty()) {
    std::vector<Bar> bars;
    for (const auto& m : s.per_month) {
      std::string month = cli::month_label(m);
      bars.push_back({month, m.count, link_to("/", {{"since", month}, {"until", month}})});
    }
    body += "<h2>Articles per month</h2>" + column_chart(bars, "chart", "articles per month");
  }
  auto top = [&](const char* title, const char* name, const std::vector<FacetCount>& counts, bool domain) {
    if (counts.empty()) return;
    std::vector<Bar> bars;
    for (const auto& c : counts) {
      std::string value = domain && !c.domain.empty() ? c.domain : c.name;
      bars.push_back({c.name, c.count, link_to("/", {{name, value}})});
    }
    body += std::string("<h2>") + title + "</h2>" + row_chart(bars, title);
  };
  top("Top topics", "topic", s.top_topics, false);
  top("Top providers", "provider", s.top_providers, true);
  return page("Stats", body);
}

}  // namespace newsdb::serve
