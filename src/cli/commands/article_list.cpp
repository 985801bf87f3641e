#include "cli/commands/article_list.hpp"

#include <array>

#include "cli/output/article_output.hpp"
#include "cli/output/format.hpp"

namespace newsdb::cli {
namespace {

constexpr std::array kListFormats = {Format::kTable, Format::kJson,        Format::kNdjson,
                                     Format::kCsv,   Format::kTsv,         Format::kFrontmatter,
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
  auto found = (*store)->reader().find(*query);
  if (!found) return ctx.report(found.error());

  OutputOptions output{Style(ctx.color()), ctx.terminal_width()};
  auto writer = make_article_output(*format, ctx.out(), output);
  for (const auto& article : *found) writer->write(article);
  writer->finish();

  if (*format == Format::kTable && ctx.stderr_is_terminal()) {
    Style hint(ctx.color());
    if (found->empty()) {
      ctx.err() << hint.dim("No articles match.") << '\n';
    } else if (query->limit > 0 && static_cast<std::int64_t>(found->size()) == query->limit) {
      ctx.err() << hint.dim("Showing " + std::to_string(found->size()) + " from offset " +
                            std::to_string(query->offset) + "; more with --offset " +
                            std::to_string(query->offset + query->limit) + ", all with --limit 0")
                << '\n';
    }
  }
  ctx.out().flush();
  return kExitOk;
}

}  // namespace newsdb::cli
