// `newsdb import SOURCE...`: parse articles and store them (docs/cli.md). Diagnostics go
// to stderr in input order as `check` prints them; the summary goes to stdout (a JSON object with
// --report json); a progress bar is drawn on stderr when it is a terminal.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cmath>
#include <newsdb/fetch.hpp>
#include <newsdb/fetch_schedule.hpp>
#include <ostream>
#include <set>

#include "cli/commands/commands.hpp"
#include "cli/context.hpp"
#include "cli/output/redacted_url.hpp"
#include "cli/progress_bar.hpp"
#include "cli/validators.hpp"
#include "ingest/import_pipeline.hpp"

namespace newsdb::cli {
namespace {

struct ImportCommandOptions {
  std::vector<std::string> sources;
  int jobs = 0;  // 0 = one per core
  bool dry_run = false;
  std::string report = "text";  // text | json
};

Json summary_json(const ingest::ImportSummary& s, double seconds, double rate, bool dry_run) {
  Json errors = Json::array();
  for (const Diagnostic& shown : s.errors) {
    Diagnostic d = redacted(shown);
    errors.push_back(Json{{"path", d.path}, {"line", d.line}, {"column", d.column},
                          {"field", d.field}, {"message", d.message}});
  }
  return Json{{"new", s.added},         {"updated", s.updated}, {"unchanged", s.unchanged},
              {"skipped", s.skipped},   {"failed", s.failed},   {"errors", std::move(errors)},
              {"seconds", std::round(seconds * 1000) / 1000},
              {"docsPerSecond", std::llround(rate)}, {"dryRun", dry_run}};
}

void print_summary(const ImportCommandOptions& options, const ingest::ImportSummary& s,
                   double seconds, Context& ctx) {
  double rate = seconds > 0 ? static_cast<double>(s.records()) / seconds : 0;
  if (options.report == "json") {
    ctx.out() << summary_json(s, seconds, rate, options.dry_run).dump(2) << '\n';
    return;
  }
  char timing[96];
  std::snprintf(timing, sizeof timing, " in %.2f s (%.0f docs/s)", seconds, rate);
  ctx.out() << (options.dry_run ? "would import: " : "imported: ") << s.added << " new, "
            << s.updated << " updated, " << s.unchanged << " unchanged, " << s.skipped
            << " skipped, " << s.failed << " failed" << timing
            << (options.dry_run ? " (dry run: nothing written)" : "") << '\n';
  if (s.failed > 0 && !options.dry_run) {
    // `failed` counts records (a bad NDJSON line is one); `newsdb errors` lists inputs.
    std::set<std::string> inputs;
    for (const Diagnostic& d : s.errors) inputs.insert(d.path);
    const bool from_stdin = inputs.contains("-");
    ctx.err() << "newsdb: " << s.failed << (s.failed == 1 ? " record" : " records")
              << " failed, in " << inputs.size() << (inputs.size() == 1 ? " input" : " inputs")
              << ": `newsdb errors` lists the inputs";
    if (inputs.size() > (from_stdin ? 1u : 0u)) ctx.err() << "; the next import retries them";
    if (from_stdin) {
      ctx.err() << "; standard input is not kept to retry: fix those records and import them "
                   "again with `newsdb import -`";
    }
    ctx.err() << '\n';
  }
}

int run_import_command(const ImportCommandOptions& options, Context& ctx) {
  auto start = std::chrono::steady_clock::now();
  ingest::ImportOptions import;
  import.sources = options.sources;
  import.database = ctx.database_spec();
  import.jobs = options.jobs;
  import.dry_run = options.dry_run;

  ProgressBar bar(ctx.err(), ctx.stderr_is_terminal(), ctx.terminal_width());
  ingest::ImportObserver observer;
  observer.diagnostic = [&](const Diagnostic& d) {
    bar.clear();
    ctx.err() << format_diagnostic(redacted(d)) << '\n';
  };
  if (ctx.stderr_is_terminal()) {
    observer.progress = [&](const ingest::ImportProgress& p) {
      bar.update(p.inputs_done, p.inputs_total, p.total_known ? Total::kKnown : Total::kGrowing,
                 p.records_done);
    };
  }
  SystemClock clock;
  // Made only when a URL is among the sources: curl's start-up is not free.
  std::unique_ptr<HttpClient> http;
  for (const auto& source : options.sources) {
    if (source.starts_with("http://") || source.starts_with("https://")) {
      http = make_curl_client();
      break;
    }
  }
  auto summary = ingest::run_import(import, clock, observer, http.get());
  bar.finish();
  if (!summary) return ctx.report(summary.error());
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  print_summary(options, *summary, seconds, ctx);
  return summary->failed == 0 ? kExitOk : kExitFailed;
}

}  // namespace

void add_import_command(CLI::App& app, Context& ctx, int& status) {
  auto options = std::make_shared<ImportCommandOptions>();
  auto* cmd = app.add_subcommand("import", "parse articles and store them (new, updated, "
                                           "unchanged, skipped and failed are counted)");
  cmd->add_option("SOURCE", options->sources,
                  "article files, folders (walked recursively, hidden entries skipped), .json / "
                  ".ndjson record files, .tar / .tar.gz archives, - for NDJSON on stdin, or "
                  "http(s) URLs (fetched once: RSS, Atom, JSON Feed, article records or one "
                  "article document)")
      ->required();
  cmd->add_option("-j,--jobs", options->jobs, "parsing threads (default: one per core)")
      ->check(thread_count());
  cmd->add_flag("-n,--dry-run", options->dry_run,
                "parse and compare with the database, but write nothing");
  cmd->add_option("--report", options->report, "summary format on stdout: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->footer(
      "Files whose size and modification time are unchanged since the last import are not read\n"
      "again; files whose content is unchanged are not parsed again. Failed files are retried\n"
      "by the next import (`newsdb errors` lists them).\n"
      "Exit status: 0 all imported, 1 some input failed, 2 usage error.\n\n"
      "Examples:\n  newsdb import samples/\n  newsdb import --jobs 2 archive.tar.gz more.ndjson\n"
      "  cat records.ndjson | newsdb import -\n  newsdb import --dry-run --report json corpus/\n"
      "  newsdb import https://example.com/feed.xml   (to poll it, `newsdb sources add`)");
  cmd->callback([options, &ctx, &status] { status = run_import_command(*options, ctx); });
}

}  // namespace newsdb::cli
