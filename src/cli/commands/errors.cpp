// `newsdb errors`: the inputs whose last import failed, with their diagnostics (DESIGN.md, "Bad
// input"). The next import retries them; once one imports, it leaves this list.
#include <CLI/CLI.hpp>
#include <array>
#include <ostream>

#include "cli/commands/commands.hpp"
#include "cli/context.hpp"
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
    for (const Diagnostic& d : input.diagnostics) {
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
  auto listed = *store ? (*store)->writer().failed_inputs() : std::vector<FailedInput>{};
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
    for (const Diagnostic& d : input.diagnostics) ctx.out() << format_diagnostic(d) << '\n';
  }
  ctx.out() << failed.size() << (failed.size() == 1 ? " input" : " inputs")
            << " failed; `newsdb import` retries them\n";
  return kExitOk;
}

}  // namespace

void add_errors_command(CLI::App& app, Context& ctx, int& status) {
  auto options = std::make_shared<ErrorsOptions>();
  auto* cmd = app.add_subcommand("errors", "inputs whose last import failed, with their problems");
  cmd->add_option("--format", options->format,
                  "table (the diagnostics, one a line: the default), json or ndjson");
  cmd->footer("Each problem is printed as PATH:LINE:COLUMN: error: MESSAGE.\n"
              "The next `newsdb import` of the same files retries them.");
  cmd->callback([options, &ctx, &status] { status = run_errors(*options, ctx); });
}

}  // namespace newsdb::cli
