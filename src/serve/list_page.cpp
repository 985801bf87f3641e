#include "serve/list_page.hpp"

#include <algorithm>

#include "cli/output/dates.hpp"
#include "cli/output/stats_json.hpp"
#include "serve/html.hpp"
#include "serve/page_layout.hpp"
#include "serve/svg_chart.hpp"
#include "serve/url_state.hpp"

namespace newsdb::serve {
namespace {

// Months the histogram shows at most: the most recent ones.
constexpr std::size_t kHistogramMonths = 36;

std::string path_of(const ListView& view) { return view.search_text.empty() ? "/" : "/search"; }

std::string href(const ListView& view, const Params& state) {
  return "href=\"" + escape(link_to(path_of(view), state)) + "\"";
}

std::string facet_list(const ListView& view, const char* heading, const char* name,
                       const std::vector<FacetCount>& counts, const char* id) {
  if (counts.empty()) return "";
  std::string out = std::string("<section id=\"") + id + "\"><h2>" + heading + "</h2><ul>";
  for (const auto& c : counts) {
    // A provider is chosen by its domain when it has one: names may be shared, domains are not.
    const std::string& value = std::string_view(name) == "provider" && !c.domain.empty() ? c.domain : c.name;
    bool active = has_param(view.state, name, value) || has_param(view.state, name, c.name);
    out += "<li><a " + href(view, toggled(view.state, name, value)) + (active ? " class=\"active\"" : "") +
           " data-facet=\"" + name + "\"><span class=\"name\">" + escape(c.name) +
           "</span><span class=\"count\">" + std::to_string(c.count) + "</span></a></li>";
  }
  return out + "</ul></section>";
}

std::string histogram(const ListView& view) {
  if (view.months.empty()) return "";
  std::size_t from = view.months.size() > kHistogramMonths ? view.months.size() - kHistogramMonths : 0;
  std::vector<Bar> bars;
  for (std::size_t i = from; i < view.months.size(); ++i) {
    std::string month = cli::month_label(view.months[i]);
    Params state = replaced(replaced(view.state, "since", month), "until", month);
    bars.push_back({month, view.months[i].count, link_to(path_of(view), state)});
  }
  std::string out = "<section id=\"dates\"><h2>Published per month</h2>" +
                    column_chart(bars, "histogram", "articles per month, all articles");
  if (std::any_of(view.state.begin(), view.state.end(), [](const auto& p) {
        return p.first == "since" || p.first == "until";
      })) {
    out += "<p><a " + href(view, replaced(replaced(view.state, "since", ""), "until", "")) + ">Any date</a></p>";
  }
  return out + "</section>";
}

std::string active_filters(const ListView& view) {
  std::string out;
  for (const auto& [name, value] : view.state) {
    if (name == "offset" || name == "limit" || name == "q" || name == "sort" || name == "raw") continue;
    out += "<li><a " + href(view, toggled(view.state, name, value)) + " title=\"remove this filter\">" +
           escape(name) + ": " + escape(value) + " \xC3\x97</a></li>";
  }
  return out.empty() ? "" : "<ul class=\"active-filters\" id=\"active-filters\">" + out + "</ul>";
}

std::string sort_links(const ListView& view) {
  std::string current = "newest";
  if (!view.search_text.empty()) current = "relevance";
  for (const auto& [name, value] : view.state) {
    if (name == "sort") current = value;
  }
  std::string out = "<p class=\"summary\">Sort: ";
  std::vector<std::string> orders = {"newest", "oldest", "heat", "quality"};
  if (!view.search_text.empty()) orders.insert(orders.begin(), "relevance");
  for (const auto& order : orders) {
    if (order == current) {
      out += "<strong>" + order + "</strong> ";
    } else {
      out += "<a " + href(view, replaced(view.state, "sort", order)) + ">" + order + "</a> ";
    }
  }
  return out + "</p>";
}

std::string article_item(const ListView& view, const StoredArticle& s) {
  const Article& a = s.article;
  std::string out = "<li><h3><a class=\"title\" href=\"/articles/" + std::to_string(s.id) + "\">" +
                    escape(a.title) + "</a></h3><div class=\"meta\">";
  std::string date = cli::date_text(a.published_date_time);
  if (!date.empty()) out += "<time datetime=\"" + date + "\">" + date.substr(0, 10) + "</time>";
  if (a.provider && !a.provider->name.empty()) {
    const std::string& value = a.provider->domain.empty() ? a.provider->name : a.provider->domain;
    out += " · <a " + href(view, toggled(view.state, "provider", value)) + ">" + escape(a.provider->name) + "</a>";
  }
  for (std::size_t i = 0; i < a.topics.size() && i < 5; ++i) {
    out += i == 0 ? " · " : ", ";
    out += "<a " + href(view, toggled(view.state, "topic", a.topics[i])) + ">" + escape(a.topics[i]) + "</a>";
  }
  out += "</div>";
  if (s.snippet) {
    out += "<p class=\"snippet\">" + highlighted(*s.snippet) + "</p>";
  } else if (a.excerpt) {
    out += "<p class=\"snippet\">" + escape(shortened(*a.excerpt, 280)) + "</p>";
  }
  return out + "</li>";
}

std::string pager(const ListView& view) {
  std::string out = "<nav class=\"pager\">";
  out += view.offset > 0 ? "<a rel=\"prev\" " + href(view, with_offset(view.state, std::max<std::int64_t>(0, view.offset - view.limit))) + ">\xE2\x86\x90 Previous</a>"
                         : "<span></span>";
  if (view.offset + view.limit < view.total) {
    out += "<a rel=\"next\" " + href(view, with_offset(view.state, view.offset + view.limit)) + ">Next \xE2\x86\x92</a>";
  }
  return out + "</nav>";
}

}  // namespace

std::string render_list_page(const ListView& view) {
  std::string body = "<div class=\"layout\"><aside class=\"facets\">";
  body += facet_list(view, "Topics", "topic", view.topics, "topics");
  body += facet_list(view, "Providers", "provider", view.providers, "providers");
  body += facet_list(view, "Categories", "category", view.categories, "categories");
  body += histogram(view);
  body += "</aside><section class=\"results\">";
  body += active_filters(view);
  for (const auto& w : view.warnings) body += "<p class=\"error\">" + escape(w) + "</p>";
  std::string shown = view.articles.empty()
                          ? "No articles match."
                          : std::to_string(view.offset + 1) + "\xE2\x80\x93" +
                                std::to_string(view.offset + static_cast<std::int64_t>(view.articles.size())) +
                                " of " + std::to_string(view.total) + (view.search_text.empty() ? " articles" : " matches");
  body += "<p class=\"summary\" id=\"summary\">" + shown + "</p>";
  body += sort_links(view);
  body += "<ol class=\"articles\" id=\"articles\">";
  for (const auto& a : view.articles) body += article_item(view, a);
  body += "</ol>";
  body += pager(view);
  body += "</section></div>";
  std::string title = view.search_text.empty() ? "Newest articles" : "Search: " + view.search_text;
  return page(title, body, view.search_text);
}

}  // namespace newsdb::serve
