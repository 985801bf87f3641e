#include "cli/commands/article_list.hpp"

#include <array>

#include "cli/commands/collapsed_list.hpp"
#include "cli/name_check.hpp"
#include "cli/output/article_output.hpp"
#include "cli/output/bar_chart.hpp"
#include "cli/output/format.hpp"

namespace newsdb::cli {
namespace {

constexpr std::array kListFormats = {Format::kTable, Format::kJson, Format::kNdjson,
                                     Format::kCsv,   Format::kTsv,  Format::kFrontmatter,
                                     Format::kUrls};

}  // namespace

int run_article_list(Context& ctx, const FilterOptions& options, QueryDefaults defaults) {
  auto format = ctx.output_format(options.format, kListFormats, Format::kTable, Format::kTsv);
  if (!format) return ctx.report(format.error());
  auto query = to_query(options, current_time(), defaults);
  if (!query) return ctx.report(query.error());
  // These formats never print images or related entries: the store need not read them.
  if (*format == Format::kTable || *format == Format::kCsv || *format == Format::kTsv ||
      *format == Format::kUrls) {
    query->detail = Detail::kListing;
  }
  auto store = ctx.open_store(OpenMode::kReadOnly);
  if (!store) return ctx.report(store.error());
  ArticleReader& reader = (*store)->reader();
  auto unknown = check_names(reader, query->filter);
  if (!unknown) return ctx.report(unknown.error());
  for (const auto& warning : *unknown) ctx.warn(warning);

  if (options.count) {
    auto total = reader.count(query->filter);
    if (!total) return ctx.report(total.error());
    ctx.out() << *total << '\n';
    ctx.out().flush();
    return kExitOk;
  }
  auto found = options.collapse ? collapsed_page(**store, *query) : reader.find(*query);
  if (!found) return ctx.report(found.error());

  OutputOptions output{Style(ctx.color()), ctx.terminal_width()};
  auto writer = make_article_output(*format, ctx.out(), output);
  for (const auto& article : *found) writer->write(article);
  writer->finish();
  ctx.out().flush();

  Style hint(ctx.stderr_is_terminal() && ctx.color());
  if (found->empty() && *format == Format::kTable && ctx.stderr_is_terminal()) {
    ctx.err() << hint.dim("No articles match.") << '\n';
  }
  // The default limit cut the list short: say how much there is, whatever the format.
  bool default_limit = options.limit.empty() && query->limit > 0 && !options.collapse;
  if (default_limit && static_cast<std::int64_t>(found->size()) == query->limit) {
    auto total = reader.count(query->filter);
    if (!total) return ctx.report(total.error());
    std::int64_t shown = static_cast<std::int64_t>(found->size());
    if (*total > query->offset + shown) {
      std::string from = query->offset > 0 ? " from " + grouped(query->offset + 1) : "";
      ctx.err() << hint.dim(grouped(shown) + " of " + grouped(*total) + " shown" + from +
                            "; --limit 0 for all")
                << '\n';
    }
  }
  return kExitOk;
}

}  // namespace newsdb::cli
