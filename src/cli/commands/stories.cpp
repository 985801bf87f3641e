// `newsdb stories [FILTERS]`: one row per story (an event's reports across providers), latest
// coverage first by default.
#include <CLI/CLI.hpp>
#include <array>
#include <memory>

#include "cli/commands/commands.hpp"
#include "cli/context.hpp"
#include "cli/filters.hpp"
#include "cli/name_check.hpp"
#include "cli/output/format.hpp"
#include "cli/output/story_output.hpp"

namespace newsdb::cli {

struct StoriesOptions {
  FilterOptions filters;
  std::string sort;
};

Result<StorySort> story_sort(const std::string& text) {
  if (text.empty() || text == "newest") return StorySort::kNewest;
  if (text == "size") return StorySort::kSize;
  if (text == "heat") return StorySort::kHeat;
  return fail(ErrorKind::kInvalidInput,
              "--sort takes newest, size or heat for stories, not '" + text + "'");
}

int run_stories(const StoriesOptions& options, Context& ctx) {
  static constexpr std::array kFormats = {Format::kTable, Format::kJson, Format::kNdjson,
                                          Format::kCsv, Format::kTsv};
  auto format = ctx.output_format(options.filters.format, kFormats, Format::kTable, Format::kTsv);
  if (!format) return ctx.report(format.error());
  auto sort = story_sort(options.sort);
  if (!sort) return ctx.report(sort.error());
  auto query = to_query(options.filters, current_time());
  if (!query) return ctx.report(query.error());
  auto store = ctx.open_store(OpenMode::kReadOnly);
  if (!store) return ctx.report(store.error());
  auto unknown = check_names((*store)->reader(), query->filter);
  if (!unknown) return ctx.report(unknown.error());
  for (const auto& warning : *unknown) ctx.warn(warning);
  StoryQuery sq{query->filter, *sort, query->limit, query->offset};
  auto stories = (*store)->stories().find(sq);
  if (!stories) return ctx.report(stories.error());
  print_stories(ctx.out(), *format, *stories, OutputOptions{Style(ctx.color()), ctx.terminal_width()});
  ctx.out().flush();
  return kExitOk;
}

void add_stories_command(CLI::App& app, Context& ctx, int& status) {
  auto options = std::make_shared<StoriesOptions>();
  auto* cmd = app.add_subcommand(
      "stories", "List stories: one row per event, its articles from every provider grouped");
  add_filter_options(*cmd, options->filters, FilterParts::kFacet,
                     "table, json, ndjson, csv or tsv");
  cmd->add_option("--sort", options->sort,
                  "newest (latest coverage first, the default), size (most articles) or heat")
      ->type_name("ORDER");
  cmd->footer(
      "A story matches when one of its articles matches the filters; --since/--until select\n"
      "stories whose coverage reaches into the range. JSON keys: id, title, articles,\n"
      "providers, firstPublished, lastPublished, topics. `newsdb story ID` shows one.\n"
      "Examples:\n"
      "  newsdb stories --since 7d\n"
      "  newsdb stories --topic COVID-19 --sort size --limit 5 --format json");
  cmd->callback([&ctx, &status, options] { status = run_stories(*options, ctx); });
}

}  // namespace newsdb::cli
