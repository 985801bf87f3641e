// `newsdb topics|providers|categories [FILTERS]`: how many matching articles each has, largest
// first.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <memory>

#include "cli/commands/commands.hpp"
#include "cli/context.hpp"
#include "cli/filters.hpp"
#include "cli/name_check.hpp"
#include "cli/output/facet_output.hpp"

namespace newsdb::cli {

struct FacetOptions {
  Facet facet = Facet::kTopic;
  FilterOptions filters;
};

int run_facet(const FacetOptions& options, Context& ctx) {
  static constexpr std::array kFormats = {Format::kTable, Format::kJson, Format::kNdjson,
                                          Format::kCsv, Format::kTsv};
  auto format = ctx.output_format(options.filters.format, kFormats, Format::kTable, Format::kTsv);
  if (!format) return ctx.report(format.error());
  auto query = to_query(options.filters, current_time());
  if (!query) return ctx.report(query.error());
  auto store = ctx.open_store(OpenMode::kReadOnly);
  if (!store) return ctx.report(store.error());
  // The store counts the largest limit + offset entries (0 = all); the first `offset` are dropped.
  std::int64_t wanted = 0;
  if (query->limit > 0 && query->offset <= std::numeric_limits<std::int64_t>::max() - query->limit) {
    wanted = query->limit + query->offset;
  }
  auto unknown = check_names((*store)->reader(), query->filter);
  if (!unknown) return ctx.report(unknown.error());
  for (const auto& warning : *unknown) ctx.warn(warning);
  auto counts = (*store)->reader().facet(options.facet, query->filter, wanted);
  if (!counts) return ctx.report(counts.error());
  std::size_t skip = std::min<std::uint64_t>(query->offset, counts->size());
  counts->erase(counts->begin(), counts->begin() + skip);
  if (query->limit > 0 && counts->size() > std::uint64_t(query->limit)) counts->resize(query->limit);
  print_facets(ctx.out(), *format, *counts, options.facet == Facet::kProvider,
               OutputOptions{Style(ctx.color()), ctx.terminal_width()});
  ctx.out().flush();
  return kExitOk;
}

namespace {

void add_one(CLI::App& app, Context& ctx, int& status, Facet facet, const char* name,
             const char* what) {
  auto options = std::make_shared<FacetOptions>();
  options->facet = facet;
  auto* cmd = app.add_subcommand(name, std::string("Count matching articles per ") + what +
                                           ", largest first");
  add_filter_options(*cmd, options->filters, FilterParts::kFacet,
                     "table, json, ndjson, csv or tsv");
  cmd->footer(
      "A table on a terminal; otherwise TSV with a header (name, [domain,] count).\n"
      "--limit 0 lists all; --offset N skips the N largest (the next page).\n"
      "Example:\n  newsdb " + std::string(name) + " --since 30d --limit 10");
  cmd->callback([&ctx, &status, options] { status = run_facet(*options, ctx); });
}

}  // namespace

void add_facet_commands(CLI::App& app, Context& ctx, int& status) {
  add_one(app, ctx, status, Facet::kTopic, "topics", "topic");
  add_one(app, ctx, status, Facet::kProvider, "providers", "provider (with its domain)");
  add_one(app, ctx, status, Facet::kCategory, "categories", "category");
}

}  // namespace newsdb::cli
