// `newsdb errors`: the inputs whose last import failed, with their diagnostics (docs/cli.md, "Bad
// input"). The next import retries them (standard input excepted: it is not kept); once one
// imports, it leaves this list, and so does one the next complete walk of its folder no longer
// finds.
#include <CLI/CLI.hpp>
#include <array>
#include <ostream>

#include "cli/commands/commands.hpp"
#include "cli/context.hpp"
#include "cli/output/redacted_url.hpp"
#include "cli/output/article_output.hpp"

namespace newsdb::cli {
namespace {

struct ErrorsOptions {
  std::string format;  // empty: the diagnostics, one a line
};

constexpr std::array kErrorsFormats = {Format::kTable, Format::kJson, Format::kNdjson};

Json errors_json(const std::vector<FailedInput>& failed) {
  Json out = Json::array();
  for (const auto& input : failed) {
    for (const Diagnostic& shown : input.diagnostics) {
      Diagnostic d = redacted(shown);
      out.push_back(Json{{"path", d.path}, {"line", d.line}, {"column", d.column},
                         {"field", d.field}, {"message", d.message}});
    }
  }
  return out;
}

int run_errors(const ErrorsOptions& options, Context& ctx) {
  // The diagnostics' own form is what editors and scripts read: the default with or without a
  // terminal.
  auto format = ctx.output_format(options.format, kErrorsFormats, Format::kTable, Format::kTable);
  if (!format) return ctx.report(format.error());
  // No database yet means nothing failed: an empty list, not an error.
  auto store = ctx.open_store_if_exists(OpenMode::kReadOnly);
  if (!store) return ctx.report(store.error());
  auto listed = *store ? (*store)->import_log().failed_inputs() : std::vector<FailedInput>{};
  if (!listed) return ctx.report(listed.error());
  const std::vector<FailedInput>& failed = *listed;
  if (*format != Format::kTable) {
    print_json_list(ctx.out(), errors_json(failed), *format);
    return kExitOk;
  }
  if (failed.empty()) {
    ctx.out() << "no failed inputs\n";
    return kExitOk;
  }
  // The compiler form editors understand, grouped by input.
  for (const auto& input : failed) {
    for (const Diagnostic& d : input.diagnostics) ctx.out() << format_diagnostic(redacted(d)) << '\n';
  }
  // Counts inputs; each may have several problems (the summary of `import` counts records).
  std::size_t problems = 0;
  bool from_stdin = false;
  for (const auto& input : failed) {
    problems += input.diagnostics.size();
    from_stdin = from_stdin || input.path == "-";
  }
  ctx.out() << failed.size() << (failed.size() == 1 ? " input" : " inputs") << " failed, with "
            << problems << (problems == 1 ? " problem" : " problems");
  if (failed.size() > (from_stdin ? 1u : 0u)) ctx.out() << "; `newsdb import` retries them";
  if (from_stdin) {
    ctx.out() << "; `-` is standard input, which is not kept: fix those records and import them "
                 "again with `newsdb import -`";
  }
  ctx.out() << '\n';
  return kExitOk;
}

}  // namespace

void add_errors_command(CLI::App& app, Context& ctx, int& status) {
  auto options = std::make_shared<ErrorsOptions>();
  auto* cmd = app.add_subcommand("errors", "inputs whose last import failed, with their problems");
  cmd->add_option("-f,--format", options->format,
                  "table (the diagnostics, one a line: the default), json or ndjson");
  cmd->footer(
      "Each problem is printed as PATH:LINE:COLUMN: error: MESSAGE.\n"
      "The next `newsdb import` of the same files retries them; records read from\n"
      "standard input (`-`) are not kept: import them again with `newsdb import -`.\n"
      "Examples:\n"
      "  newsdb errors\n"
      "  newsdb errors --format json");
  cmd->callback([options, &ctx, &status] { status = run_errors(*options, ctx); });
}

}  // namespace newsdb::cli
