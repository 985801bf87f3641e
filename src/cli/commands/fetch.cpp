// `newsdb fetch [URL...]`: polls every due source (or the named ones) concurrently and imports
// what is new (docs/feeds.md). Exits 1 when any source failed, naming them.
#include <CLI/CLI.hpp>
#include <newsdb/feed_fetch.hpp>
#include <newsdb/feed_poller.hpp>
#include <newsdb/fetch.hpp>
#include <newsdb/fetch_schedule.hpp>
#include <algorithm>
#include <ostream>

#include "cli/commands/commands.hpp"
#include "cli/commands/source_table.hpp"
#include "cli/context.hpp"
#include "cli/output/redacted_url.hpp"
#include "cli/output/text_width.hpp"

namespace newsdb::cli {
namespace {

struct FetchOptions {
  std::vector<std::string> urls;  // empty: every due source
  bool all = false;               // every source now, whatever its schedule
  std::string timeout = "30s";
  std::string connect_timeout = "10s";
  int retries = 2;
  int jobs = 8;
};

Result<HttpOptions> http_options(const FetchOptions& opts) {
  HttpOptions http;
  auto total = parse_duration(opts.timeout);
  auto connect = parse_duration(opts.connect_timeout);
  if (!total || !connect) {
    return fail(ErrorKind::kInvalidInput,
                "--timeout and --connect-timeout take a duration such as 30s or 2m");
  }
  if (opts.retries < 0 || opts.retries > 10 || opts.jobs < 1 || opts.jobs > 64) {
    return fail(ErrorKind::kInvalidInput, "--retries takes 0 to 10 and --jobs 1 to 64");
  }
  http.total_timeout = *total;
  http.connect_timeout = *connect;
  http.max_retries = opts.retries;
  http.max_connections = static_cast<std::size_t>(opts.jobs);
  return http;
}

// One line per source: what happened to it, in the order the sources were listed, URLs padded
// to `url_width` so the outcomes line up.
void print_report(const PollReport& r, Timestamp now, std::size_t url_width, std::ostream& out) {
  const Source& s = r.source;
  std::string shown = single_line(redacted_url(s.url));
  std::string url = shown + std::string(url_width - std::min(url_width, shown.size()), ' ');
  switch (r.status) {
    case PollStatus::kFetched:
      out << "fetched    " << url << "  " << r.http_status.value_or(200) << "  " << r.items
          << " items: " << r.counts.added << " new, " << r.counts.updated << " updated";
      break;
    case PollStatus::kNotModified:
      out << "unchanged  " << url << "  304  not modified";
      break;
    case PollStatus::kUnchanged:
      out << "unchanged  " << url << "  200  same content as last time";
      break;
    case PollStatus::kFailed:
      out << "FAILED     " << url << "  " << single_line(redacted_text(r.error));
      if (s.next_due_at) out << "; next try " << relative_time(*s.next_due_at, now);
      break;
  }
  if (r.moved_from) out << " (moved permanently from " << *r.moved_from << ")";
  out << '\n';
}

int run_fetch(const FetchOptions& opts, Context& ctx) {
  auto http_opts = http_options(opts);
  if (!http_opts) return ctx.report(http_opts.error());
  // No database yet means no sources: say so without creating one.
  auto store = ctx.open_store_if_exists(OpenMode::kReadWriteExisting);
  if (!store) return ctx.report(store.error());
  auto all = *store ? (*store)->sources().list() : std::vector<Source>{};
  if (!all) return ctx.report(all.error());
  if (all->empty()) {
    ctx.out() << "no sources: add one with `newsdb sources add URL`\n";
    return kExitOk;
  }

  SystemClock clock;
  Timestamp now = clock.now();
  auto chosen = opts.all ? Result<std::vector<Source>>(*all) : sources_to_poll(*all, opts.urls, now);
  if (!chosen) return ctx.report(chosen.error());
  if (chosen->empty()) {
    ctx.out() << "nothing is due; `newsdb sources list` shows when each source is, and "
                 "`newsdb fetch --all` polls them all now\n";
    return kExitOk;
  }

  auto http = make_curl_client(*http_opts);
  FeedPoller poller(*http, clock, (*store)->sources(), (*store)->import_log(), (*store)->writer(),
                    known_dates_in((*store)->reader()));
  auto reports = poller.poll(*chosen);
  if (!reports) return ctx.report(reports.error());

  std::size_t fetched = 0, not_modified = 0;
  WriteCounts total;
  std::vector<const PollReport*> failures;
  now = clock.now();
  std::size_t url_width = 0;
  for (const auto& r : *reports) {
    url_width = std::max(url_width, single_line(redacted_url(r.source.url)).size());
  }
  for (const auto& r : *reports) {
    print_report(r, now, url_width, ctx.out());
    for (const auto& d : r.diagnostics) ctx.err() << format_diagnostic(redacted(d)) << '\n';
    if (r.status == PollStatus::kFailed) failures.push_back(&r);
    else if (r.status == PollStatus::kFetched) ++fetched;
    else ++not_modified;
    total += r.counts;
  }
  ctx.out() << reports->size() << (reports->size() == 1 ? " source: " : " sources: ") << fetched
            << " fetched (" << total.added << " new, " << total.updated << " updated), "
            << not_modified << " unchanged, " << failures.size() << " failed\n";
  if (failures.empty()) return kExitOk;

  std::string names;
  for (const auto* f : failures) {
    names += (names.empty() ? "" : ", ") + redacted_url(f->source.url);
  }
  return ctx.report(Error{ErrorKind::kNetwork,
                          std::to_string(failures.size()) + " of " +
                              std::to_string(reports->size()) + " sources failed: " + names +
                              " (each is retried after its backoff; `newsdb sources list` "
                              "shows the errors)"});
}

}  // namespace

void add_fetch_command(CLI::App& app, Context& ctx, int& status) {
  auto opts = std::make_shared<FetchOptions>();
  auto* cmd = app.add_subcommand(
      "fetch", "poll every due source (or the named ones) and import what is new");
  cmd->add_option("URL", opts->urls, "registered sources to poll now, whatever their schedule");
  cmd->add_flag("--all", opts->all, "poll every source now, whatever its schedule");
  cmd->add_option("--timeout", opts->timeout, "per-request time limit, e.g. 30s")
      ->capture_default_str();
  cmd->add_option("--connect-timeout", opts->connect_timeout, "time limit to connect, e.g. 10s")
      ->capture_default_str();
  cmd->add_option("--retries", opts->retries, "retries on 5xx answers and time-outs")
      ->capture_default_str();
  cmd->add_option("--jobs", opts->jobs, "transfers at once (at most 2 per host)")
      ->capture_default_str();
  cmd->footer(
      "Examples:\n"
      "  newsdb fetch\n"
      "  newsdb fetch --all --timeout 60s");
  cmd->callback([opts, &ctx, &status] { status = run_fetch(*opts, ctx); });
}

}  // namespace newsdb::cli
