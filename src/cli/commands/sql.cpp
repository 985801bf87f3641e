// `newsdb sql "SELECT ..."`: read-only SQL for power users (see store/sqlite/read_only_sql.hpp for
// how writing is prevented). A table on a terminal, tab-separated with a header row otherwise.
#include <CLI/CLI.hpp>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <newsdb/fetch_schedule.hpp>

#include "cli/commands/commands.hpp"
#include "cli/commands/schema.hpp"
#include "cli/context.hpp"
#include "cli/output/sql_output.hpp"

namespace newsdb::cli {

struct SqlOptions {
  std::string sql;
  std::string format;
  std::string timeout = "30";
};

// --timeout: seconds (fractions allowed, 0 = no limit) or a duration as `fetch --timeout` takes
// one (30s, 2m, 1h30m). Rounded up to whole milliseconds.
Result<std::chrono::milliseconds> parse_timeout(const std::string& text) {
  if (auto d = parse_duration(text)) return std::chrono::duration_cast<std::chrono::milliseconds>(*d);
  char* end = nullptr;
  double seconds = text.empty() ? -1 : std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !std::isfinite(seconds) || seconds < 0 || seconds > 1e9) {
    return fail(ErrorKind::kInvalidInput,
                "--timeout takes seconds, 0 or more (0: no limit), or a duration such as 30s or "
                "2m, not '" + text + "'");
  }
  return std::chrono::milliseconds(static_cast<std::int64_t>(std::ceil(seconds * 1000)));
}

bool is_schema_command(std::string_view sql) {
  auto begin = sql.find_first_not_of(" \t\r\n");
  auto end = sql.find_last_not_of(" \t\r\n;");
  return begin != std::string_view::npos && end != std::string_view::npos &&
         sql.substr(begin, end - begin + 1) == ".schema";
}

int run_sql(const SqlOptions& options, Context& ctx) {
  auto timeout = parse_timeout(options.timeout);
  if (!timeout) return ctx.report(timeout.error());
  if (is_schema_command(options.sql)) return run_schema(ctx);
  static constexpr std::array kFormats = {Format::kTable, Format::kTsv, Format::kCsv, Format::kJson,
                                          Format::kNdjson};
  auto format = ctx.output_format(options.format, kFormats, Format::kTable, Format::kTsv);
  if (!format) return ctx.report(format.error());
  auto store = ctx.open_store(OpenMode::kReadOnly);
  if (!store) return ctx.report(store.error());
  auto output = make_sql_output(*format, ctx.out(), ctx.err(),
                                OutputOptions{Style(ctx.color()), ctx.terminal_width()});
  auto ran = (*store)->reader().run_sql(options.sql, *output, *timeout);
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
  cmd->add_option("-f,--format", options->format, "table, tsv, csv, json or ndjson");
  cmd->add_option("--timeout", options->timeout,
                  "how long one statement may run before it is stopped: seconds (0 = no limit) "
                  "or 30s, 2m")
      ->type_name("SECONDS")
      ->default_str("30");
  cmd->footer(
      "Statements that would write are refused before anything runs.\n"
      "`newsdb schema` (or `newsdb sql .schema`) lists the tables and their columns; the view\n"
      "articles_iso shows articles with times as ISO-8601 UTC text and the provider's name.\n"
      "Examples:\n"
      "  newsdb sql \"SELECT category, COUNT(*) FROM articles GROUP BY 1\"\n"
      "  newsdb sql \"SELECT published_at, provider, title FROM articles_iso LIMIT 5\"");
  cmd->callback([&ctx, &status, options] { status = run_sql(*options, ctx); });
}

}  // namespace newsdb::cli
