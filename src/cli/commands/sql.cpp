// `newsdb sql "SELECT ..."`: read-only SQL for power users (see store/sqlite/read_only_sql.hpp for
// how writing is prevented). A table on a terminal, tab-separated with a header row otherwise.
#include <CLI/CLI.hpp>
#include <array>
#include <memory>

#include "cli/commands/commands.hpp"
#include "cli/context.hpp"
#include "cli/output/sql_output.hpp"

namespace newsdb::cli {

struct SqlOptions {
  std::string sql;
  std::string format;
};

int run_sql(const SqlOptions& options, Context& ctx) {
  static constexpr std::array kFormats = {Format::kTable, Format::kTsv, Format::kCsv, Format::kJson,
                                          Format::kNdjson};
  auto format = ctx.output_format(options.format, kFormats, Format::kTable, Format::kTsv);
  if (!format) return ctx.report(format.error());
  auto store = ctx.open_store(OpenMode::kReadOnly);
  if (!store) return ctx.report(store.error());
  auto output = make_sql_output(*format, ctx.out(), ctx.err(),
                                OutputOptions{Style(ctx.color()), ctx.terminal_width()});
  auto ran = (*store)->reader().run_sql(options.sql, *output);
  output->finish();
  ctx.out().flush();
  if (!ran) return ctx.report(ran.error());
  return kExitOk;
}

void add_sql_command(CLI::App& app, Context& ctx, int& status) {
  auto options = std::make_shared<SqlOptions>();
  auto* cmd = app.add_subcommand("sql", "Run read-only SQL on the store (for power users)");
  cmd->add_option("statement", options->sql, "one or more SQL statements that only read")
      ->required();
  cmd->add_option("--format", options->format, "table, tsv, csv, json or ndjson");
  cmd->footer(
      "Statements that would write are refused before anything runs.\n"
      "Tables: articles, providers, topics, article_topics, images, related, articles_fts,\n"
      "import_files, import_errors, sources. Example:\n"
      "  newsdb sql \"SELECT category, COUNT(*) FROM articles GROUP BY 1\"");
  cmd->callback([&ctx, &status, options] { status = run_sql(*options, ctx); });
}

}  // namespace newsdb::cli
