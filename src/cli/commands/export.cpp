// `newsdb export [FILTERS] --format F [--out PATH]`: every matching article (no limit unless
// --limit), streamed one at a time. ndjson (the default), json, csv, tsv and urls go to stdout or
// to the file PATH (written under a temporary name and renamed, so a failed export leaves no half
// file); frontmatter writes one file per article into the folder PATH.
#include <CLI/CLI.hpp>
#include <array>
#include <filesystem>
#include <fstream>
#include <memory>
#include <system_error>

#include "cli/commands/commands.hpp"
#include "cli/context.hpp"
#include "cli/name_check.hpp"
#include "cli/filters.hpp"
#include "cli/output/article_output.hpp"
#include "cli/output/bar_chart.hpp"
#include "cli/output/export_folder.hpp"
#include "cli/output/format.hpp"

namespace newsdb::cli {

constexpr QueryDefaults kDefaults{SortOrder::kNewest, 0};  // all

struct ExportOptions {
  FilterOptions filters;
  std::string out;
};

namespace {

int export_folder(Context& ctx, ArticleReader& reader, const Query& query,
                  const std::filesystem::path& folder) {
  auto target = ExportFolder::open(folder);
  if (!target) return ctx.report(target.error());
  auto walked = reader.for_each(query, [&](const StoredArticle& a) { return target->write(a); });
  if (!walked) return ctx.report(walked.error());
  ctx.err() << "Exported " << grouped(target->written()) << " articles to " << folder.string()
            << "/\n";
  return kExitOk;
}

int export_stream(Context& ctx, ArticleReader& reader, const Query& query, Format format,
                  const std::string& path) {
  OutputOptions options{Style(false), 0};
  if (path.empty() || path == "-") {
    auto writer = make_article_output(format, ctx.out(), options);
    auto walked = reader.for_each(query, [&](const StoredArticle& a) -> Result<void> {
      writer->write(a);
      if (!ctx.out()) return fail(ErrorKind::kIo, "cannot write to standard output");
      return {};
    });
    if (!walked) return ctx.report(walked.error());
    writer->finish();
    ctx.out().flush();
    return kExitOk;
  }
  std::filesystem::path target(path);
  std::filesystem::path temporary = target;
  temporary += ".partial";
  std::int64_t written = 0;
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    if (!file) {
      return ctx.report(Error{ErrorKind::kIo, "cannot create " + temporary.string() + ": " +
                                                  std::error_code(errno, std::generic_category()).message()});
    }
    auto writer = make_article_output(format, file, options);
    auto walked = reader.for_each(query, [&](const StoredArticle& a) -> Result<void> {
      writer->write(a);
      if (!file) return fail(ErrorKind::kIo, "cannot write " + temporary.string() + " (disk full?)");
      return {};
    });
    if (walked) {
      writer->finish();
      file.flush();
      if (!file) walked = fail(ErrorKind::kIo, "cannot write " + temporary.string());
    }
    if (!walked) {
      file.close();
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      return ctx.report(walked.error());
    }
    written = writer->written();
  }
  std::error_code ec;
  std::filesystem::rename(temporary, target, ec);
  if (ec) return ctx.report(Error{ErrorKind::kIo, "cannot write " + path + ": " + ec.message()});
  ctx.err() << "Exported " << grouped(written) << " articles to " << path << "\n";
  return kExitOk;
}

}  // namespace

int run_export(const ExportOptions& options, Context& ctx) {
  static constexpr std::array kFormats = {Format::kNdjson, Format::kJson, Format::kCsv,
                                          Format::kTsv, Format::kUrls, Format::kFrontmatter};
  auto format =
      ctx.output_format(options.filters.format, kFormats, Format::kNdjson, Format::kNdjson);
  if (!format) return ctx.report(format.error());
  if (*format == Format::kFrontmatter && (options.out.empty() || options.out == "-")) {
    return ctx.report(Error{ErrorKind::kInvalidInput,
                            "--format frontmatter writes one file per article: add --out FOLDER"});
  }
  auto query = to_query(options.filters, current_time(), kDefaults);
  if (!query) return ctx.report(query.error());
  auto store = ctx.open_store(OpenMode::kReadOnly);
  if (!store) return ctx.report(store.error());
  ArticleReader& reader = (*store)->reader();
  auto unknown = check_names(reader, query->filter);
  if (!unknown) return ctx.report(unknown.error());
  for (const auto& warning : *unknown) ctx.warn(warning);
  if (*format == Format::kFrontmatter) return export_folder(ctx, reader, *query, options.out);
  return export_stream(ctx, reader, *query, *format, options.out);
}

void add_export_command(CLI::App& app, Context& ctx, int& status) {
  auto options = std::make_shared<ExportOptions>();
  auto* cmd = app.add_subcommand("export", "Write every matching article out, whole");
  add_filter_options(*cmd, options->filters, FilterParts::kExport,
                     "ndjson (default), json, csv, tsv, urls, or frontmatter (a folder of files)",
                     kDefaults);
  cmd->add_option("--out", options->out,
                  "a file (a folder for frontmatter); standard output when left out");
  cmd->footer(
      "Exports everything that matches unless --limit is given; newest first.\n"
      "Examples:\n"
      "  newsdb export --topic AI --format csv --out ai.csv\n"
      "  newsdb export --format frontmatter --out backup/   # re-import with: newsdb import backup/");
  cmd->callback([&ctx, &status, options] { status = run_export(*options, ctx); });
}

}  // namespace newsdb::cli
