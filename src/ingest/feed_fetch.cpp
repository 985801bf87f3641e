// URLs read once (`import URL`): fetched through the HttpClient, then the same document rules as
// a source's poll (fetched_document.hpp).
#include <newsdb/feed_fetch.hpp>
#include <newsdb/fetch.hpp>

#include "ingest/fetched_document.hpp"

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
    auto doc = ingest::parse_fetched(ingest::fetched_identity(in.url, response->body), *response,
                                     clock.now(), limits, known);
    in.bytes = response->body.size();
    in.content_hash = std::move(doc.id.content_hash);
    in.format = doc.format;
    in.parsed = std::move(doc.parsed);
    for (auto& d : in.parsed.diagnostics) d.path = in.url;  // the input as it was named
  });
  return out;
}

}  // namespace newsdb
