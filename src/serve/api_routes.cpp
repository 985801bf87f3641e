#include "serve/api_routes.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>

#include "cli/name_check.hpp"
#include "cli/output/article_output.hpp"
#include "cli/output/facet_output.hpp"
#include "cli/output/stats_json.hpp"
#include "serve/exchange.hpp"

namespace newsdb::serve {
namespace {

Result<Json> article_list(StorePool& stores, const Params& params, ParamSet set) {
  auto filters = read_params(params, set);
  if (!filters) return std::unexpected(filters.error());
  auto query = to_request_query(filters->options, set);
  if (!query) return std::unexpected(query.error());
  auto store = stores.lease();
  if (!store) return std::unexpected(store.error());
  // The CLI's warnings about unknown names are for a terminal; the rewrite of www.DOMAIN that
  // comes with them is kept, so both answer alike.
  auto unknown = cli::check_names(store->reader(), query->filter);
  if (!unknown) return std::unexpected(unknown.error());
  auto found = store->reader().find(*query);
  if (!found) return std::unexpected(found.error());
  Json all = Json::array();
  for (const auto& article : *found) all.push_back(cli::article_with_id(article));
  return all;
}

Result<Json> facet_list(StorePool& stores, const Params& params, Facet facet) {
  auto filters = read_params(params, ParamSet::kFacet);
  if (!filters) return std::unexpected(filters.error());
  auto query = to_request_query(filters->options, ParamSet::kFacet);
  if (!query) return std::unexpected(query.error());
  auto store = stores.lease();
  if (!store) return std::unexpected(store.error());
  auto unknown = cli::check_names(store->reader(), query->filter);
  if (!unknown) return std::unexpected(unknown.error());
  // As `newsdb topics`: the store counts limit + offset entries, the first offset are dropped.
  std::int64_t wanted = 0;  // all, when limit + offset would overflow
  if (query->offset <= std::numeric_limits<std::int64_t>::max() - query->limit) {
    wanted = query->limit + query->offset;
  }
  auto counts = store->reader().facet(facet, query->filter, wanted);
  if (!counts) return std::unexpected(counts.error());
  std::size_t skip = std::min<std::uint64_t>(query->offset, counts->size());
  counts->erase(counts->begin(), counts->begin() + skip);
  if (counts->size() > std::uint64_t(query->limit)) counts->resize(query->limit);
  Json all = Json::array();
  for (const auto& c : *counts) all.push_back(cli::facet_json(c, facet == Facet::kProvider));
  return all;
}

Result<Json> stats(StorePool& stores, const Params& params) {
  auto filters = read_params(params, ParamSet::kStats);
  if (!filters) return std::unexpected(filters.error());
  std::int64_t top = 10;
  if (!filters->top.empty()) {
    const std::string& t = filters->top;
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), top);
    if (ec != std::errc() || end != t.data() + t.size() || top < 0 || top > kMaxLimit) {
      return fail(ErrorKind::kInvalidInput,
                  "top needs a whole number from 0 to " + std::to_string(kMaxLimit) + ", not '" + t + "'");
    }
  }
  auto store = stores.lease();
  if (!store) return std::unexpected(store.error());
  auto s = cli::stats_report(store->reader(), Filter{}, top, cli::Period::kMonth);
  if (!s) return std::unexpected(s.error());
  return cli::stats_json(*s);
}

Result<Json> one_article(StorePool& stores, const std::string& id_text, const Params& params) {
  if (!params.empty()) {
    return fail(ErrorKind::kInvalidInput, "an article takes no parameters: /api/articles/ID");
  }
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
  if (ec != std::errc() || end != id_text.data() + id_text.size() || id <= 0) {
    return fail(ErrorKind::kNotFound, "no article with id " + id_text.substr(0, 64) +
                                          ": ids are the numbers /api/articles lists");
  }
  auto store = stores.lease();
  if (!store) return std::unexpected(store.error());
  auto found = store->reader().get(id);
  if (!found) return std::unexpected(found.error());
  if (!*found) {
    return fail(ErrorKind::kNotFound,
                "no article with id " + id_text + ": ids are the numbers /api/articles lists");
  }
  return cli::article_with_id(**found);
}

using JsonRoute = std::function<Result<Json>(const httplib::Request&)>;

httplib::Server::Handler answer(JsonRoute route) {
  return [route = std::move(route)](const httplib::Request& req, httplib::Response& res) {
    auto json = route(req);
    if (!json) return send_json_error(res, json.error());
    send_json(res, *json);
  };
}

}  // namespace

void add_api_routes(httplib::Server& server, StorePool& stores) {
  server.Get("/api/articles", answer([&](const httplib::Request& r) {
               return article_list(stores, params_of(r), ParamSet::kArticles);
             }));
  server.Get("/api/search", answer([&](const httplib::Request& r) {
               return article_list(stores, params_of(r), ParamSet::kSearch);
             }));
  server.Get(R"(/api/articles/([^/]+))", answer([&](const httplib::Request& r) {
               return one_article(stores, r.matches[1].str(), params_of(r));
             }));
  server.Get("/api/topics", answer([&](const httplib::Request& r) {
               return facet_list(stores, params_of(r), Facet::kTopic);
             }));
  server.Get("/api/providers", answer([&](const httplib::Request& r) {
               return facet_list(stores, params_of(r), Facet::kProvider);
             }));
  server.Get("/api/categories", answer([&](const httplib::Request& r) {
               return facet_list(stores, params_of(r), Facet::kCategory);
             }));
  server.Get("/api/stats", answer([&](const httplib::Request& r) { return stats(stores, params_of(r)); }));
  server.Get(R"(/api/.*)", answer([](const httplib::Request& r) -> Result<Json> {
               return fail(ErrorKind::kNotFound,
                           "no endpoint " + r.path.substr(0, 200) +
                               ": the API has /api/articles, /api/articles/ID, /api/search, "
                               "/api/topics, /api/providers, /api/categories and /api/stats");
             }));
}

}  // namespace newsdb::serve
