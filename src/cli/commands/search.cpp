// `newsdb search TEXT [FILTERS]`: full-text search, best match first, with snippets.
#include <CLI/CLI.hpp>
#include <memory>

#include "cli/commands/article_list.hpp"
#include "cli/commands/commands.hpp"
#include "cli/context.hpp"

namespace newsdb::cli {

constexpr QueryDefaults kDefaults{SortOrder::kRelevance, 20};

struct SearchOptions {
  std::vector<std::string> words;
  FilterOptions filters;
};

int run_search(SearchOptions options, Context& ctx) {
  std::string text;
  for (const auto& w : options.words) {
    if (!text.empty()) text += ' ';
    text += w;
  }
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return ctx.report(Error{ErrorKind::kInvalidInput,
                            "search needs words to look for, e.g. newsdb search \"supply chain\""});
  }
  options.filters.text = text;
  return run_article_list(ctx, options.filters, kDefaults);
}

void add_search_command(CLI::App& app, Context& ctx, int& status) {
  auto options = std::make_shared<SearchOptions>();
  auto* cmd = app.add_subcommand(
      "search", "Full-text search over title, excerpt, body and topics, best match first");
  cmd->add_option("text", options->words,
                  "what to find: words (all of them), \"a phrase\", -excluded, prefix*, a OR b")
      ->required();
  cmd->add_flag("--raw", options->filters.raw,
                "pass TEXT to SQLite FTS5 as a query expression (AND, OR, NOT, \"phrases\", "
                "prefix*, NEAR)");
  cmd->footer(
      "Words are ANDed; C++, C#, .NET, U.S., COVID-19 match as written; elections also finds\n"
      "election (exact forms rank first); case and accents never matter (docs/search.md).\n"
      "Quote a query that excludes words, or put it after --: the shell and options see -word.\n"
      "Ranking is BM25 with the title above the excerpt above the body; --sort changes it.\n"
      "Examples:\n"
      "  newsdb search '\"supply chain\" -france' --since 2024-01-01\n"
      "  newsdb search -- election -france\n"
      "  newsdb search --raw 'nvidia NOT (amd OR intel)' --format json");
  add_filter_options(*cmd, options->filters, FilterParts::kSearch,
                     "table, json, ndjson, csv, tsv, frontmatter or urls",
                     kDefaults);
  cmd->callback([&ctx, &status, options] { status = run_search(*options, ctx); });
}

}  // namespace newsdb::cli
