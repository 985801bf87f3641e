// `newsdb show ID|URL`: one article, whole.
#include <CLI/CLI.hpp>
#include <array>
#include <memory>

#include "cli/commands/article_lookup.hpp"
#include "cli/commands/commands.hpp"
#include "cli/context.hpp"
#include "cli/output/article_output.hpp"
#include "cli/output/article_text.hpp"
#include "cli/output/format.hpp"
#include "core/frontmatter_writer.hpp"

namespace newsdb::cli {

struct ShowOptions {
  std::string article;
  std::string format;
};

namespace {

// "Story 12 · 5 articles from 4 providers: TITLE (newsdb story 12)"; "" when not grouped.
Result<std::string> story_line(StoryReader& stories, const StoredArticle& article) {
  if (!article.story_id) return std::string();
  auto story = stories.get(*article.story_id);
  if (!story) return std::unexpected(story.error());
  if (!*story) return std::string();
  const StorySummary& s = **story;
  std::string id = std::to_string(s.id);
  if (s.articles == 1) return "Story " + id + ": this article alone (newsdb story " + id + ")";
  return "Story " + id + " · " + std::to_string(s.articles) + " articles from " +
         std::to_string(s.providers) + (s.providers == 1 ? " provider" : " providers") + ": " +
         s.title + " (newsdb story " + id + ")";
}

}  // namespace

int run_show(const ShowOptions& options, Context& ctx) {
  static constexpr std::array kFormats = {Format::kText, Format::kJson, Format::kNdjson,
                                          Format::kFrontmatter};
  auto format = ctx.output_format(options.format, kFormats, Format::kText, Format::kText);
  if (!format) return ctx.report(format.error());
  auto store = ctx.open_store(OpenMode::kReadOnly);
  if (!store) return ctx.report(store.error());
  auto found = lookup_article((*store)->reader(), options.article);
  if (!found) return ctx.report(found.error());
  if (!*found) return ctx.report(Error{ErrorKind::kNotFound, not_found_message(options.article)});

  const StoredArticle& article = **found;
  switch (*format) {
    case Format::kJson: ctx.out() << json_text(article_with_id(article), 2) << '\n'; break;
    case Format::kNdjson: ctx.out() << json_text(article_with_id(article)) << '\n'; break;
    case Format::kFrontmatter: ctx.out() << to_frontmatter(article.article); break;
    default: {
      print_article_text(ctx.out(), article, ctx.terminal_width(), Style(ctx.color()));
      if (auto line = story_line((*store)->stories(), article); !line) {
        return ctx.report(line.error());
      } else if (!line->empty()) {
        ctx.out() << '\n' << *line << '\n';
      }
      break;
    }
  }
  ctx.out().flush();
  return kExitOk;
}

void add_show_command(CLI::App& app, Context& ctx, int& status) {
  auto options = std::make_shared<ShowOptions>();
  auto* cmd = app.add_subcommand("show", "Show one article, whole, by id or URL");
  cmd->add_option("article", options->article,
                  "the article's id (as lists print it) or any form of its URL")
      ->required();
  cmd->add_option("-f,--format", options->format,
                  "text (readable, the default), json, ndjson or frontmatter (re-imports as the "
                  "same record)");
  cmd->footer(
      "Exit status 1 when no article has that id or URL.\n"
      "Examples:\n"
      "  newsdb show 42\n"
      "  newsdb show https://www.example.com/2024/01/story --format json");
  cmd->callback([&ctx, &status, options] { status = run_show(*options, ctx); });
}

}  // namespace newsdb::cli
