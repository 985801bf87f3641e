// `newsdb check SOURCE...`: the same discovery, parsing and diagnostics as import, writing
// nothing. Diagnostics go to stderr in input order (whatever --jobs is) as the inputs are parsed,
// the summary to stdout. Streamed (check_stream.hpp): only --report json keeps anything per input
// (the errors it lists), so memory does not grow with the corpus.
#include <CLI/CLI.hpp>
#include <chrono>
#include <newsdb/article_json.hpp>
#include <ostream>
#include <thread>

#include "cli/commands/check_stream.hpp"
#include "cli/commands/commands.hpp"
#include "cli/context.hpp"
#include "cli/validators.hpp"

namespace newsdb::cli {
namespace {

struct CheckOptions {
  std::vector<std::string> sources;
  int jobs = 0;                 // 0 = one per core
  std::string report = "text";  // text | json
};

struct CheckTally {
  std::size_t ok = 0, skipped = 0, failed = 0;
  std::size_t articles = 0, failed_records = 0;
  bool keep_errors = false;  // for --report json; a text report prints them and keeps nothing
  Json errors = Json::array();

  // Counts one parsed input and appends its diagnostics, formatted, to `text`.
  void add(const ingest::InputItem& item, const ParsedInput& parsed, std::string& text) {
    articles += parsed.articles.size();
    failed_records += parsed.failed_records;
    if (parsed.status == InputStatus::kNotAnArticle &&
        item.origin == ingest::InputOrigin::kFolderWalk) {
      ++skipped;  // a folder walk meets all sorts of files
      return;
    }
    if (parsed.status == InputStatus::kArticles) {
      ++ok;
    } else {
      ++failed;
      if (parsed.status == InputStatus::kNotAnArticle) ++failed_records;
    }
    for (const Diagnostic& d : parsed.diagnostics) note(d, text);
  }

  void note(const Diagnostic& d, std::string& text) {
    text += format_diagnostic(d);
    text += '\n';
    if (d.severity != Severity::kError || !keep_errors) return;
    errors.push_back(Json{{"path", d.path},
                          {"line", d.line},
                          {"column", d.column},
                          {"field", d.field},
                          {"message", d.message}});
  }
};

std::string counted(std::size_t n, const char* noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

void print_summary(const CheckOptions& options, const CheckTally& t, double seconds, Context& ctx) {
  std::size_t docs = t.articles + t.failed_records;
  double rate = seconds > 0 ? double(docs) / seconds : 0;
  if (options.report == "json") {
    Json report{{"ok", t.ok},         {"skipped", t.skipped},
                {"failed", t.failed}, {"articles", t.articles},
                {"seconds", seconds}, {"docsPerSecond", std::llround(rate)},
                {"errors", t.errors}};
    ctx.out() << report.dump(2) << '\n';
    return;
  }
  char timing[64];
  std::snprintf(timing, sizeof timing, " in %.2f s (%.0f docs/s)\n", seconds, rate);
  ctx.out() << "checked " << counted(t.ok + t.skipped + t.failed, "file") << ": " << t.ok << " ok, "
            << t.skipped << " skipped, " << t.failed << " failed; "
            << counted(t.articles, "article") << timing;
}

int run_check(const CheckOptions& options, Context& ctx) {
  auto start = std::chrono::steady_clock::now();
  CheckTally tally;
  tally.keep_errors = options.report == "json";
  CheckStreamOptions stream;
  stream.pool.jobs = options.jobs;
  stream.pool.reader = [](const ingest::InputItem& item,
                          const ParseLimits& limits) -> Result<std::string> {
    if (item.kind == ingest::InputKind::kArchive || item.kind == ingest::InputKind::kUrl) {
      return fail(ErrorKind::kUnsupported,
                  "check does not read archives or URLs yet: unpack the archive and check the "
                  "folder, or use `newsdb import --dry-run`");
    }
    return ingest::read_input_file(item, limits);
  };
  std::string text;
  auto print = [&] {
    if (!text.empty()) ctx.err() << text << std::flush;
    text.clear();
  };
  check_inputs(
      options.sources, stream,
      [&](const Diagnostic& problem) {
        tally.note(problem, text);
        if (problem.severity == Severity::kError) ++tally.failed;
        print();
      },
      [&](const ingest::InputItem& item, ParsedInput&& parsed) {
        tally.add(item, parsed, text);
        print();
      });
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  print_summary(options, tally, seconds, ctx);
  return tally.failed == 0 ? kExitOk : kExitFailed;
}

}  // namespace

void add_check_command(CLI::App& app, Context& ctx, int& status) {
  auto options = std::make_shared<CheckOptions>();
  auto* cmd =
      app.add_subcommand("check", "parse articles and report every problem, writing nothing");
  cmd->add_option("SOURCE", options->sources,
                  "article files, folders (walked recursively, hidden entries skipped), .json / "
                  ".ndjson record files, or - for NDJSON on stdin")
      ->required();
  cmd->add_option("-j,--jobs", options->jobs, "parsing threads (default: one per core)")
      ->check(thread_count());
  cmd->add_option("--report", options->report, "summary format on stdout: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->footer(
      "Diagnostics go to stderr as PATH:LINE:COLUMN: error: MESSAGE, in input order.\n"
      "Files without frontmatter found in a folder are skipped; named ones fail.\n"
      "Exit status: 0 all good, 1 some input failed, 2 usage error.\n\n"
      "Examples:\n  newsdb check samples/\n  newsdb check --jobs 2 corpus/ more.ndjson\n"
      "  cat records.ndjson | newsdb check -");
  cmd->callback([options, &ctx, &status] { status = run_check(*options, ctx); });
}

}  // namespace newsdb::cli
