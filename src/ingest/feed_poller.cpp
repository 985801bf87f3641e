// The poller: HTTP through the HttpClient, then each 2xx document through the import pipeline's
// rules (fetched_document.hpp, input_outcome.hpp), written by the ArticleWriter one source at a
// time so that each source's report has its own counts.
#include <newsdb/feed_poller.hpp>

#include <algorithm>
#include <newsdb/date.hpp>
#include <newsdb/fetch_schedule.hpp>

#include "ingest/fetched_document.hpp"
#include "ingest/input_outcome.hpp"
#include "store/parsed_file.hpp"

namespace newsdb {
namespace {

// A successful response's validators replace the old ones (a response without them clears them:
// stale ones must not be sent back).
void keep_validators(PollReport& report, const HttpResponse& response) {
  report.source.last_status = response.status;
  report.source.etag = response.etag;
  report.source.last_modified = response.last_modified;
}

// True (and the report filled in) when the body is byte for byte what the last poll imported.
bool unchanged(PollReport& report, const ingest::InputIdentity& id, Timestamp now, ImportLog& log,
               ArticleWriter& writer, std::optional<Error>& store_error) {
  // A source that never had an answer reads its first document whole, even when `import URL`
  // recorded the same bytes: it learns its title from it.
  if (!report.source.last_status) return false;
  auto recorded = log.lookup(std::span(&report.source.url, 1));
  if (!recorded) {
    store_error = recorded.error();
    return true;
  }
  const auto& previous = (*recorded)[0];
  // The pipeline's rule for every input named by the user (a source is one).
  if (!ingest::content_unchanged(previous, id.content_hash, ingest::InputOrigin::kArgument)) {
    return false;
  }
  ParsedFile file = ingest::unchanged_file(id, *previous);
  if (auto w = writer.write_batch(std::span(&file, 1), now); !w) {
    store_error = w.error();
    return true;
  }
  report.status = PollStatus::kUnchanged;
  report.items = static_cast<std::size_t>(previous->articles);
  report.source.last_new_items = 0;
  return true;
}

}  // namespace

Result<std::vector<Source>> sources_to_poll(const std::vector<Source>& all,
                                            const std::vector<std::string>& urls, Timestamp now) {
  std::vector<Source> out;
  if (urls.empty()) {
    std::copy_if(all.begin(), all.end(), std::back_inserter(out),
                 [&](const Source& s) { return s.is_due(now); });
    return out;
  }
  for (const auto& given : urls) {
    auto url = checked_http_url(given);
    if (!url) return std::unexpected(url.error());
    auto it = std::find_if(all.begin(), all.end(), [&](const Source& s) { return s.url == *url; });
    if (it == all.end()) {
      return fail(ErrorKind::kNotFound, *url + " is not a registered source: add it with "
                                               "`newsdb sources add " + *url + "`, or read it "
                                               "once with `newsdb import " + *url + "`");
    }
    if (std::none_of(out.begin(), out.end(), [&](const Source& s) { return s.id == it->id; })) {
      out.push_back(*it);
    }
  }
  return out;
}

FeedPoller::FeedPoller(HttpClient& http, const Clock& clock, SourceRegistry& sources,
                       ImportLog& log, ArticleWriter& writer, KnownFetchDate known_fetch_date)
    : http_(http),
      clock_(clock),
      sources_(sources),
      log_(log),
      writer_(writer),
      known_fetch_date_(std::move(known_fetch_date)) {}

Result<std::vector<PollReport>> FeedPoller::poll(
    const std::vector<Source>& sources, const std::function<void(const PollReport&)>& on_report) {
  store_error_.reset();
  std::vector<HttpRequest> requests;
  requests.reserve(sources.size());
  for (const auto& s : sources) requests.push_back(HttpRequest{s.url, s.etag, s.last_modified});

  std::vector<PollReport> reports(sources.size());
  http_.fetch_all(requests, [&](std::size_t i, Result<HttpResponse> response) {
    if (store_error_) return;  // the store is gone: nothing more can be saved
    reports[i] = complete(sources[i], std::move(response));
    if (on_report && !store_error_) on_report(reports[i]);
  });
  if (store_error_) return std::unexpected(*store_error_);
  return reports;
}

PollReport FeedPoller::complete(const Source& source, Result<HttpResponse> response) {
  PollReport report;
  report.source = source;
  Timestamp now = clock_.now();
  report.source.last_fetch_at = now;

  if (!response) {
    failed(report, std::nullopt, response.error().message, now);
  } else if (response->status == 304) {
    report.status = PollStatus::kNotModified;
    report.http_status = 304;
    if (response->etag) report.source.etag = response->etag;
    if (response->last_modified) report.source.last_modified = response->last_modified;
    report.source.last_status = 304;
    report.source.last_new_items = 0;
  } else if (response->status >= 200 && response->status < 300) {
    fetched(report, *response, now);
    if (report.status != PollStatus::kFailed && response->permanent_url) {
      move(report, *response->permanent_url);
    }
  } else {
    int status = response->status;
    std::string error = http_status_text(status);
    std::optional<std::chrono::seconds> wait;
    if ((status == 429 || status == 503) && response->retry_after) {
      wait = parse_retry_after(*response->retry_after, now);
      if (wait) error += "; the server asked to wait " + format_duration(*wait);
    }
    if (response->attempts > 1) error += " (after " + std::to_string(response->attempts) + " attempts)";
    failed(report, status, std::move(error), now, wait);
  }

  if (report.status != PollStatus::kFailed) {
    // A source that answered is due again after its interval, even when some of its items
    // failed: the server is fine, and the failed items are counted and shown until they go.
    bool items_failed = report.status == PollStatus::kFetched && !report.error.empty();
    report.source.error_count = items_failed ? report.source.error_count + 1 : 0;
    report.source.last_error =
        items_failed ? std::optional<std::string>(report.error) : std::nullopt;
    report.source.next_due_at = now + report.source.every;
  }
  if (auto r = save(report); !r) store_error_ = r.error();
  return report;
}

void FeedPoller::fetched(PollReport& report, HttpResponse& response, Timestamp now) {
  report.http_status = response.status;
  // Keyed by the source's URL, as `import URL` keys the same URL: one record for both.
  ingest::InputIdentity id = ingest::fetched_identity(report.source.url, response.body);
  if (unchanged(report, id, now, log_, writer_, store_error_)) {
    keep_validators(report, response);
    return;
  }

  auto doc = ingest::parse_fetched(std::move(id), response, now, ParseLimits{}, known_fetch_date_);
  std::size_t failed_records = doc.parsed.failed_records;
  std::vector<Diagnostic> diagnostics = doc.parsed.diagnostics;
  ParsedFile file = ingest::parsed_file(doc.id, ingest::InputOrigin::kArgument,
                                        std::move(doc.parsed));
  // A document that is not a feed is recorded like a file that failed, so `newsdb errors`
  // lists it too.
  auto counts = writer_.write_batch(std::span(&file, 1), now);
  if (!counts) {
    store_error_ = counts.error();
    return;
  }
  if (!doc.format) {
    failed(report, response.status, diagnostics.empty() ? "" : diagnostics.front().message, now);
    return;
  }

  report.status = PollStatus::kFetched;
  if (failed_records > 0) {
    // The good items are in; the source still says what went wrong, until a poll without it.
    auto first = std::find_if(diagnostics.begin(), diagnostics.end(),
                              [](const Diagnostic& d) { return d.severity == Severity::kError; });
    report.error = std::to_string(failed_records) +
                   (failed_records == 1 ? " item failed" : " items failed") +
                   (first != diagnostics.end() ? ": " + first->message : std::string());
  }
  report.format = doc.format;
  report.items = file.articles.size();
  report.counts = *counts;
  report.diagnostics = std::move(diagnostics);
  report.source.last_new_items = counts->added;
  if (doc.title) report.source.title = doc.title;
  keep_validators(report, response);
}

void FeedPoller::move(PollReport& report, const std::string& permanent_url) {
  if (permanent_url == report.source.url) return;
  auto owner = sources_.find(permanent_url);
  if (!owner) {
    store_error_ = owner.error();
  } else if (*owner && (*owner)->id != report.source.id) {
    report.diagnostics.push_back(Diagnostic{
        report.source.url, 0, 0, "",
        "moved permanently to " + permanent_url +
            ", which is registered already; remove this one with `newsdb sources remove " +
            report.source.url + "`",
        Severity::kWarning});
  } else {
    report.moved_from = report.source.url;
    report.source.url = permanent_url;
  }
}

void FeedPoller::failed(PollReport& report, std::optional<int> status, std::string error,
                        Timestamp now, std::optional<std::chrono::seconds> server_wait) {
  report.status = PollStatus::kFailed;
  report.http_status = status;
  report.source.last_status = status;
  report.source.last_new_items = 0;
  report.source.error_count += 1;
  auto delay = backoff_delay(report.source.every, report.source.error_count);
  if (server_wait) delay = std::max(delay, std::min(*server_wait, kMaxBackoff));
  report.source.next_due_at = now + delay;
  report.error = std::move(error);
  report.source.last_error = report.error;
}

Result<void> FeedPoller::save(PollReport& report) {
  if (store_error_) return std::unexpected(*store_error_);
  auto saved = sources_.update(report.source);
  // Removed while it was polled (`sources remove` from another process): nothing to keep, and
  // no reason to stop the other sources.
  if (!saved && saved.error().kind == ErrorKind::kNotFound) return {};
  return saved;
}

}  // namespace newsdb
