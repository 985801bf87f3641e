// `newsdb query [FILTERS]`: the matching articles, newest first by default.
#include <CLI/CLI.hpp>
#include <memory>

#include "cli/commands/article_list.hpp"
#include "cli/commands/commands.hpp"
#include "cli/context.hpp"

namespace newsdb::cli {

constexpr QueryDefaults kDefaults{SortOrder::kNewest, 20};

struct QueryOptions {
  FilterOptions filters;
};

int run_query(const QueryOptions& options, Context& ctx) {
  return run_article_list(ctx, options.filters, kDefaults);
}

void add_query_command(CLI::App& app, Context& ctx, int& status) {
  auto options = std::make_shared<QueryOptions>();
  auto* cmd = app.add_subcommand("query", "List the articles that match the filters (newest first)");
  cmd->footer(
      "A table on a terminal; otherwise TSV with a header: id, publishedDateTime, provider,\n"
      "title, url. --count prints only the number of matches.\n"
      "Examples:\n"
      "  newsdb query --topic AI --since 7d\n"
      "  newsdb query --provider beebom.com --sort heat --limit 5 --format json");
  add_filter_options(*cmd, options->filters, FilterParts::kList,
                     "table, json, ndjson, csv, tsv, frontmatter or urls",
                     kDefaults);
  cmd->callback([&ctx, &status, options] { status = run_query(*options, ctx); });
}

}  // namespace newsdb::cli
