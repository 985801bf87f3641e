// `newsdb stats [FILTERS] [--by day|week|month|year]`: totals, the date range, articles per
// period as a bar chart, and the largest topics and providers, of the whole store or of the
// articles FILTERS match. Text on a terminal, JSON otherwise (or as --format asks).
#include <CLI/CLI.hpp>
#include <array>
#include <cstdio>
#include <memory>

#include "cli/commands/commands.hpp"
#include "cli/commands/stats_counts.hpp"
#include "cli/context.hpp"
#include "cli/filters.hpp"
#include "cli/name_check.hpp"
#include "cli/output/article_output.hpp"
#include "cli/output/bar_chart.hpp"
#include "cli/output/dates.hpp"
#include "cli/output/format.hpp"
#include "cli/output/stats_json.hpp"
#include "cli/output/table.hpp"
#include "cli/output/text_width.hpp"

namespace newsdb::cli {

struct StatsOptions {
  std::int64_t top = 10;
  std::string by = "month";
  FilterOptions filters;
};

namespace {

void print_text(Context& ctx, const StatsReport& r) {
  const StoreStats& s = r.totals;
  Style style(ctx.color());
  int width = ctx.terminal_width();
  Table totals({{"", Align::kLeft, 0, 0, Column::Tone::kBold}, {"", Align::kRight}, {"", Align::kLeft, 1, 0, Column::Tone::kDim}});
  totals.add_row({"Articles", grouped(s.articles), s.undated ? grouped(s.undated) + " without a date" : ""});
  totals.add_row({"Stories", grouped(s.stories), "see `newsdb stories`"});
  totals.add_row({"Providers", grouped(s.providers)});
  totals.add_row({"Topics", grouped(s.topics)});
  if (!r.filtered) {
    totals.add_row({"Images", grouped(s.images)});
    totals.add_row({"Related entries", grouped(s.related_entries)});
  }
  if (!r.filtered && s.failed_files) totals.add_row({"Failed files", grouped(s.failed_files), "see `newsdb errors`"});
  if (s.first_published) {
    totals.add_row({"Published", date_text(s.first_published), "to " + date_text(s.last_published)});
  }
  totals.print(ctx.out(), width, style, /*header=*/false);

  if (!r.periods.empty()) {
    std::string title = "Articles per " + std::string(period_name(r.by));
    if (r.by == Period::kWeek) title += " (weeks start on Monday)";
    ctx.out() << '\n' << style.bold(title) << '\n';
    std::vector<std::pair<std::string, std::int64_t>> bars;
    for (const auto& p : r.periods) bars.emplace_back(period_label(p.start, r.by), p.count);
    print_bar_chart(ctx.out(), bars, width, style);
  }
  auto top = [&](std::string_view title, const std::vector<FacetCount>& counts, bool domain) {
    if (counts.empty()) return;
    ctx.out() << '\n' << style.bold(title) << '\n';
    std::vector<std::pair<std::string, std::int64_t>> bars;
    for (const auto& c : counts) bars.emplace_back(domain && !c.domain.empty() ? c.name + " (" + c.domain + ")" : c.name, c.count);
    for (auto& b : bars) b.first = fit_width(single_line(b.first), 40);
    print_bar_chart(ctx.out(), bars, width, style);
  };
  top("Top topics", s.top_topics, false);
  top("Top providers", s.top_providers, true);
}

}  // namespace

int run_stats(const StatsOptions& options, Context& ctx) {
  static constexpr std::array kFormats = {Format::kText, Format::kJson};
  auto format = ctx.output_format(options.filters.format, kFormats, Format::kText, Format::kJson);
  if (!format) return ctx.report(format.error());
  if (options.top < 0) return ctx.report(Error{ErrorKind::kInvalidInput, "--top cannot be negative"});
  auto by = parse_period(options.by);
  if (!by) return ctx.report(by.error());
  auto query = to_query(options.filters, current_time());
  if (!query) return ctx.report(query.error());
  auto store = ctx.open_store(OpenMode::kReadOnly);
  if (!store) return ctx.report(store.error());
  auto unknown = check_names((*store)->reader(), query->filter);
  if (!unknown) return ctx.report(unknown.error());
  for (const auto& warning : *unknown) ctx.warn(warning);
  auto stats = stats_report((*store)->reader(), query->filter, options.top, *by);
  if (!stats) return ctx.report(stats.error());
  if (*format == Format::kJson) {
    ctx.out() << json_text(stats_json(*stats), 2) << '\n';
  } else {
    print_text(ctx, *stats);
  }
  ctx.out().flush();
  return kExitOk;
}

void add_stats_command(CLI::App& app, Context& ctx, int& status) {
  auto options = std::make_shared<StatsOptions>();
  auto* cmd = app.add_subcommand(
      "stats", "Totals, date range, articles per period and the largest topics and providers");
  add_filter_options(*cmd, options->filters, FilterParts::kStats,
                     "text (the default on a terminal; `table` is the same) or json");
  cmd->add_option("--by", options->by, "the histogram's period: day, week, month or year")
      ->type_name("PERIOD")
      ->default_str("month")
      ->group("Output");
  cmd->add_option("--top", options->top, "how many topics and providers to list")
      ->type_name("INT")
      ->default_str("10")
      ->group("Output");
  cmd->footer(
      "Of the whole store, or of the articles FILTERS match (then images, related entries and\n"
      "failed files are not counted). Weeks start on Monday; at most the latest 1,200 periods.\n"
      "Examples:\n"
      "  newsdb stats\n"
      "  newsdb stats --topic Coronavirus --since 2020 --by week");
  cmd->callback([&ctx, &status, options] { status = run_stats(*options, ctx); });
}

}  // namespace newsdb::cli
