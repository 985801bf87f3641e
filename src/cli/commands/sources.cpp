// `newsdb sources add URL [--every D]`, `sources list [--format table|json|ndjson]`,
// `sources remove URL`: the feeds `newsdb fetch` polls (docs/feeds.md).
#include <CLI/CLI.hpp>
#include <array>
#include <chrono>
#include <newsdb/date.hpp>
#include <newsdb/fetch.hpp>
#include <newsdb/fetch_schedule.hpp>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/commands/commands.hpp"
#include "cli/commands/source_table.hpp"
#include "cli/context.hpp"
#include "cli/output/article_output.hpp"
#include "cli/output/redacted_url.hpp"

namespace newsdb::cli {
namespace {

struct SourcesAddOptions {
  std::string url;
  std::string every = "30m";
};

struct SourcesListOptions {
  std::string format;  // empty = table
};

constexpr std::array kSourcesListFormats = {Format::kTable, Format::kJson, Format::kNdjson};

struct SourcesRemoveOptions {
  std::string url;
};

int run_sources_add(const SourcesAddOptions& opts, Context& ctx) {
  auto every = parse_duration(opts.every);
  if (!every || *every < std::chrono::minutes(1)) {
    return ctx.report(Error{ErrorKind::kInvalidInput,
                            "--every '" + opts.every +
                                "' is not an interval of a minute or more: write it like 30m, "
                                "2h, 1d or 1h30m"});
  }
  auto url = checked_http_url(opts.url);
  if (!url) return ctx.report(url.error());
  auto store = ctx.open_store(OpenMode::kReadWrite);
  if (!store) return ctx.report(store.error());
  auto added = (*store)->sources().add(*url, *every, SystemClock().now());
  if (!added) return ctx.report(added.error());

  auto interval = format_duration(added->source.every);
  switch (added->outcome) {
    case AddOutcome::kAdded:
      ctx.out() << "added " << redacted_url(*url) << " (every " << interval << "; due now: run `newsdb fetch`)\n";
      break;
    case AddOutcome::kUpdated:
      ctx.out() << "updated " << redacted_url(*url) << ": now polled every " << interval << "\n";
      break;
    case AddOutcome::kUnchanged:
      ctx.out() << "already registered: " << redacted_url(*url) << " (every " << interval << ")\n";
      break;
  }
  return kExitOk;
}

int run_sources_list(const SourcesListOptions& opts, Context& ctx) {
  auto format =
      ctx.output_format(opts.format, kSourcesListFormats, Format::kTable, Format::kTable);
  if (!format) return ctx.report(format.error());
  // No database yet means no sources: an empty list, not an error.
  auto store = ctx.open_store_if_exists(OpenMode::kReadOnly);
  if (!store) return ctx.report(store.error());
  auto sources = *store ? (*store)->sources().list() : std::vector<Source>{};
  if (!sources) return ctx.report(sources.error());
  if (*format != Format::kTable) {
    print_json_list(ctx.out(), sources_to_json(*sources), *format);
  } else if (sources->empty()) {
    ctx.out() << "no sources: add one with `newsdb sources add URL`\n";
  } else {
    print_sources_table(*sources, SystemClock().now(), ctx.terminal_width(), ctx.out());
  }
  return kExitOk;
}

int run_sources_remove(const SourcesRemoveOptions& opts, Context& ctx) {
  auto url = checked_http_url(opts.url);
  if (!url) return ctx.report(url.error());
  // No database: nothing is registered, and none is made.
  auto store = ctx.open_store_if_exists(OpenMode::kReadWriteExisting);
  if (!store) return ctx.report(store.error());
  auto removed = *store ? (*store)->sources().remove(*url) : Result<bool>(false);
  if (!removed) return ctx.report(removed.error());
  if (!*removed) {
    return ctx.report(Error{ErrorKind::kNotFound, redacted_url(*url) + " is not a registered source; "
                                                        "`newsdb sources list` shows them"});
  }
  ctx.out() << "removed " << redacted_url(*url) << " (its articles stay in the store)\n";
  return kExitOk;
}

}  // namespace

void add_sources_command(CLI::App& app, Context& ctx, int& status) {
  auto* cmd = app.add_subcommand("sources", "feeds that `newsdb fetch` polls: add, list, remove");
  cmd->require_subcommand(1);
  cmd->footer(
      "Examples:\n"
      "  newsdb sources add https://example.com/feed.xml --every 30m\n"
      "  newsdb sources list\n"
      "  newsdb sources remove https://example.com/feed.xml");

  auto add_opts = std::make_shared<SourcesAddOptions>();
  auto* add = cmd->add_subcommand("add", "register a feed URL (RSS, Atom, JSON Feed, article JSON)");
  add->add_option("URL", add_opts->url, "the feed's http(s) URL")->required();
  add->add_option("--every", add_opts->every, "polling interval, e.g. 30m, 2h, 1d")
      ->capture_default_str();
  add->footer("Example:\n  newsdb sources add https://example.com/feed.xml --every 30m");
  add->callback([add_opts, &ctx, &status] { status = run_sources_add(*add_opts, ctx); });

  auto list_opts = std::make_shared<SourcesListOptions>();
  auto* list = cmd->add_subcommand(
      "list", "registered feeds: last fetch, status, new items, errors, next due");
  list->add_option("-f,--format", list_opts->format, "table (the default), json or ndjson");
  list->footer("Examples:\n  newsdb sources list\n  newsdb sources list --format json");
  list->callback([list_opts, &ctx, &status] { status = run_sources_list(*list_opts, ctx); });

  auto remove_opts = std::make_shared<SourcesRemoveOptions>();
  auto* remove = cmd->add_subcommand("remove", "unregister a feed (its articles stay)");
  remove->add_option("URL", remove_opts->url, "the feed's URL as registered")->required();
  remove->footer("Example:\n  newsdb sources remove https://example.com/feed.xml");
  remove->callback([remove_opts, &ctx, &status] { status = run_sources_remove(*remove_opts, ctx); });
}

}  // namespace newsdb::cli
