// Polling registered sources (docs/feeds.md): fetch them concurrently through an
// HttpClient, hand each document that came back to the import pipeline — the same content-hash
// rule as any import (bytes as recorded last time are not parsed again), the same parsing and
// import records as `import URL` — write new and updated articles through the ArticleWriter, and
// save each source's new state — validators, status, counts, errors, next due time — in the
// SourceRegistry. The schedule and politeness rules are in <newsdb/fetch_schedule.hpp>; a source
// that timed out is not asked again within the poll, its next poll is backed off.
//
// One source's failure (network, HTTP status, not a feed) is recorded on that source and never
// stops the others. Only a store failure stops a poll.
//
// Everything comes in through interfaces: the network (HttpClient), the time (Clock), the store
// (SourceRegistry, ImportLog, ArticleWriter), so tests run against a loopback server on a fixed
// clock.
// Single-threaded: the callbacks run on the caller's thread.
#pragma once

#include <functional>
#include <newsdb/article_writer.hpp>
#include <newsdb/clock.hpp>
#include <newsdb/feed.hpp>
#include <newsdb/feed_fetch.hpp>
#include <newsdb/fetch.hpp>
#include <newsdb/import_log.hpp>
#include <newsdb/source_registry.hpp>
#include <optional>
#include <string>
#include <vector>

namespace newsdb {

enum class PollStatus {
  kFetched,      // a new document was read and imported
  kNotModified,  // 304: nothing to do
  kUnchanged,    // 200 with the same bytes as the last poll (a server without validators)
  kFailed,       // see PollReport::error; retried after the backoff
};

struct PollReport {
  Source source;  // as saved after this poll (its url is the new one after a permanent redirect)
  PollStatus status = PollStatus::kFailed;
  std::optional<int> http_status;
  std::optional<FeedFormat> format;       // kFetched: what the document was
  std::size_t items = 0;                  // kFetched/kUnchanged: articles the document held
  WriteCounts counts;                     // kFetched: what the store made of them
  std::string error;                      // kFailed: why, for a person; kFetched: the items
                                          // that failed, when some did ("" when none)
  std::optional<std::string> moved_from;  // the old URL when a permanent redirect moved it
  std::vector<Diagnostic> diagnostics;    // warnings about items (skipped, dates clamped)
};

class FeedPoller {
 public:
  // `known_fetch_date` keeps undated and clamped items at the date an earlier poll gave them
  // (keep_known_dates in <newsdb/feed_fetch.hpp>).
  // `log` and `writer` are the store's (Store::import_log(), Store::writer()).
  FeedPoller(HttpClient& http, const Clock& clock, SourceRegistry& sources, ImportLog& log,
             ArticleWriter& writer, KnownFetchDate known_fetch_date = {});

  // Polls `sources` (conditional GETs with their validators) and returns one report per source,
  // in the same order. `on_report`, when set, is called as each source completes. Each source's
  // state is saved as soon as it completes (a source removed meanwhile is not saved, nor
  // re-created; its articles are written all the same). Fails only when the store fails.
  Result<std::vector<PollReport>> poll(const std::vector<Source>& sources,
                                       const std::function<void(const PollReport&)>& on_report = {});

 private:
  PollReport complete(const Source& source, Result<HttpResponse> response);
  void fetched(PollReport& report, HttpResponse& response, Timestamp now);
  // Follows a permanent redirect: the source takes the new URL unless another source has it.
  void move(PollReport& report, const std::string& permanent_url);
  void failed(PollReport& report, std::optional<int> status, std::string error, Timestamp now,
              std::optional<std::chrono::seconds> server_wait = std::nullopt);
  Result<void> save(PollReport& report);

  HttpClient& http_;
  const Clock& clock_;
  SourceRegistry& sources_;
  ImportLog& log_;
  ArticleWriter& writer_;
  KnownFetchDate known_fetch_date_;
  std::optional<Error> store_error_;
};

// The sources to poll at `now`: those named in `urls` (canonicalised; polled whatever their
// schedule) or, when `urls` is empty, every due source. kNotFound names a URL that is not
// registered.
Result<std::vector<Source>> sources_to_poll(const std::vector<Source>& all,
                                            const std::vector<std::string>& urls, Timestamp now);

}  // namespace newsdb
