#include "ingest/fetched_document.hpp"

#include "store/content_hash.hpp"

namespace newsdb::ingest {

InputIdentity fetched_identity(const std::string& key, std::string_view body) {
  return InputIdentity{key, static_cast<std::int64_t>(body.size()), 0,
                       store::bytes_content_hash(body)};
}

FetchedDocument parse_fetched(InputIdentity id, const HttpResponse& response, Timestamp fetched_at,
                              const ParseLimits& limits, const KnownFetchDate& known) {
  FetchedDocument doc;
  doc.id = std::move(id);
  FeedContext ctx;
  ctx.url = response.final_url;
  ctx.fetched_at = fetched_at;
  ctx.content_type = response.content_type;
  ctx.limits = limits;
  auto feed = parse_feed(response.body, ctx);
  if (!feed) {
    doc.parsed.status = InputStatus::kFailed;
    doc.parsed.failed_records = 1;
    doc.parsed.diagnostics.push_back(
        Diagnostic{doc.id.path, 0, 0, "", feed.error().message, Severity::kError});
    return doc;
  }
  doc.format = feed->format;
  doc.title = std::move(feed->title);
  keep_known_dates(feed->articles, known);
  doc.parsed.articles = std::move(feed->articles);
  doc.parsed.failed_records = feed->failed_records;
  for (auto& d : feed->diagnostics) {
    if (d.severity == Severity::kError) doc.parsed.status = InputStatus::kFailed;
    doc.parsed.diagnostics.push_back(std::move(d));
  }
  return doc;
}

}  // namespace newsdb::ingest
