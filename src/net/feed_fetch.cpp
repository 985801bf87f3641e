#include <newsdb/feed_fetch.hpp>
#include <newsdb/feed_poller.hpp>

#include "store/content_hash.hpp"

namespace newsdb {
namespace {

void fail_input(FetchedInput& in, std::string message) {
  in.parsed.status = InputStatus::kFailed;
  in.parsed.failed_records = 1;
  in.parsed.diagnostics.push_back(Diagnostic{in.url, 0, 0, "", std::move(message), Severity::kError});
}

}  // namespace

KnownFetchDate known_dates_in(ArticleReader& reader) {
  return [&reader](const std::string& url) -> std::optional<Timestamp> {
    auto found = reader.get_by_url(url);
    if (!found || !*found) return std::nullopt;
    return (*found)->article.published_date_time;
  };
}

void keep_known_dates(std::vector<Article>& articles, const KnownFetchDate& known) {
  if (!known) return;
  for (auto& a : articles) {
    auto source = a.extra.value(kDateSourceField, std::string());
    if (source != "fetched" && source != "clamped") continue;
    if (auto first = known(a.canonical_url)) a.published_date_time = *first;
  }
}

std::vector<FetchedInput> fetch_url_inputs(const std::vector<std::string>& urls, HttpClient& http,
                                           const Clock& clock, const ParseLimits& limits,
                                           const KnownFetchDate& known) {
  std::vector<FetchedInput> out(urls.size());
  std::vector<HttpRequest> requests;
  std::vector<std::size_t> slot;  // request index -> output index
  for (std::size_t i = 0; i < urls.size(); ++i) {
    out[i].url = urls[i];
    auto url = checked_http_url(urls[i]);
    if (!url) {
      fail_input(out[i], url.error().message);
      continue;
    }
    requests.push_back(HttpRequest{*url, std::nullopt, std::nullopt});
    slot.push_back(i);
  }

  http.fetch_all(requests, [&](std::size_t r, Result<HttpResponse> response) {
    FetchedInput& in = out[slot[r]];
    if (!response) return fail_input(in, response.error().message);
    in.final_url = response->final_url;
    if (response->status < 200 || response->status >= 300) {
      return fail_input(in, http_status_text(response->status));
    }
    in.bytes = response->body.size();
    in.content_hash = store::bytes_content_hash(response->body);
    FeedContext ctx;
    ctx.url = response->final_url;
    ctx.fetched_at = clock.now();
    ctx.content_type = response->content_type;
    ctx.limits = limits;
    auto feed = parse_feed(response->body, ctx);
    if (!feed) return fail_input(in, feed.error().message);
    in.format = feed->format;
    keep_known_dates(feed->articles, known);
    in.parsed.articles = std::move(feed->articles);
    in.parsed.failed_records = feed->failed_records;
    for (auto& d : feed->diagnostics) {
      d.path = in.url;
      if (d.severity == Severity::kError) in.parsed.status = InputStatus::kFailed;
      in.parsed.diagnostics.push_back(std::move(d));
    }
  });
  return out;
}

}  // namespace newsdb
