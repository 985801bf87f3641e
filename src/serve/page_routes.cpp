#include "serve/page_routes.hpp"

#include <charconv>
#include <chrono>
#include <mutex>

#include "cli/name_check.hpp"
#include "serve/article_page.hpp"
#include "serve/assets.hpp"
#include "serve/exchange.hpp"
#include "serve/list_page.hpp"
#include "serve/page_layout.hpp"
#include "serve/stats_page.hpp"

namespace newsdb::serve {
namespace {

// Facet entries a list page shows per facet.
constexpr std::int64_t kFacetEntries = 12;
// How long the date histogram (articles per month over the whole store) is reused: computing it
// reads every article's date, and a few seconds' lag behind an import is harmless on a histogram.
constexpr std::chrono::seconds kHistogramAge{10};

class MonthsCache {
 public:
  Result<std::vector<MonthCount>> get(ArticleReader& reader) {
    auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(mutex_);
    if (filled_ && now - when_ < kHistogramAge) return months_;
    auto stats = reader.stats(0);
    if (!stats) return std::unexpected(stats.error());
    months_ = std::move(stats->per_month);
    when_ = now;
    filled_ = true;
    return months_;
  }

 private:
  std::mutex mutex_;
  bool filled_ = false;
  std::chrono::steady_clock::time_point when_;
  std::vector<MonthCount> months_;
};

void send_error_page(httplib::Response& res, const Error& error) {
  send_html(res, error_page(error.message), status_of(error));
}

Result<ListView> list_view(StorePool& stores, MonthsCache& months, const Params& params) {
  auto filters = read_params(params, ParamSet::kPage);
  if (!filters) return std::unexpected(filters.error());
  auto query = to_request_query(filters->options, ParamSet::kPage);
  if (!query) return std::unexpected(query.error());
  query->detail = Detail::kListing;
  auto store = stores.lease();
  if (!store) return std::unexpected(store.error());
  ArticleReader& reader = store->reader();
  ListView view;
  for (const auto& p : params) {
    if (!(p.first == "q" && filters->options.text.empty())) view.state.push_back(p);
  }
  view.search_text = filters->options.text;
  view.offset = query->offset;
  view.limit = query->limit;
  auto unknown = cli::check_names(reader, query->filter);
  if (!unknown) return std::unexpected(unknown.error());
  view.warnings = std::move(*unknown);
  auto found = reader.find(*query);
  if (!found) return std::unexpected(found.error());
  view.articles = std::move(*found);
  // A first page shorter than the limit is the whole list: no need to count.
  if (query->offset == 0 && static_cast<std::int64_t>(view.articles.size()) < query->limit) {
    view.total = static_cast<std::int64_t>(view.articles.size());
  } else {
    auto total = reader.count(query->filter);
    if (!total) return std::unexpected(total.error());
    view.total = *total;
  }
  for (auto [facet, into] : {std::pair{Facet::kTopic, &view.topics}, std::pair{Facet::kProvider, &view.providers},
                             std::pair{Facet::kCategory, &view.categories}}) {
    auto counts = reader.facet(facet, query->filter, kFacetEntries);
    if (!counts) return std::unexpected(counts.error());
    *into = std::move(*counts);
  }
  auto per_month = months.get(reader);
  if (!per_month) return std::unexpected(per_month.error());
  view.months = std::move(*per_month);
  return view;
}

}  // namespace

void add_page_routes(httplib::Server& server, StorePool& stores) {
  auto months = std::make_shared<MonthsCache>();
  auto list = [&stores, months](const httplib::Request& req, httplib::Response& res) {
    auto view = list_view(stores, *months, params_of(req));
    if (!view) return send_error_page(res, view.error());
    send_html(res, render_list_page(*view));
  };
  server.Get("/", list);
  server.Get("/search", list);

  server.Get(R"(/articles/([0-9]{1,18}))", [&stores](const httplib::Request& req, httplib::Response& res) {
    std::int64_t id = 0;
    std::string text = req.matches[1].str();
    std::from_chars(text.data(), text.data() + text.size(), id);
    auto store = stores.lease();
    if (!store) return send_error_page(res, store.error());
    auto found = store->reader().get(id);
    if (!found) return send_error_page(res, found.error());
    if (!*found) {
      return send_error_page(res, Error{ErrorKind::kNotFound, "no article with id " + text +
                                                                  ": the list links to every stored article"});
    }
    auto coverage = store->reader().related(id);
    if (!coverage) return send_error_page(res, coverage.error());
    send_html(res, render_article_page(**found, *coverage));
  });

  server.Get("/stats", [&stores](const httplib::Request& req, httplib::Response& res) {
    auto store = stores.lease();
    if (!store) return send_error_page(res, store.error());
    auto stats = store->reader().stats(10);
    if (!stats) return send_error_page(res, stats.error());
    send_html(res, render_stats_page(*stats));
  });

  server.Get(R"(/static/([A-Za-z0-9._-]+))", [](const httplib::Request& req, httplib::Response& res) {
    auto asset = find_asset(req.matches[1].str());
    if (!asset) return send_error_page(res, Error{ErrorKind::kNotFound, "no such file"});
    res.set_content(std::string(asset->body), std::string(asset->content_type));
    res.set_header("Cache-Control", "public, max-age=86400");
  });

  // Everything else: a page that says so (httplib's own 404 has no body).
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (req.path.starts_with("/api/")) {
      return send_json_error(res, Error{ErrorKind::kNotFound, "no such endpoint"});
    }
    int status = res.status;
    send_html(res, error_page(status == 404 ? "There is no page at this address." : "The request could not be served."),
              status);
  });
}

}  // namespace newsdb::serve
