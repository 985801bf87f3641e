// `newsdb story ID|URL`: one story and all its coverage, earliest first, saying who reported
// first. A URL names the story of the article at that URL.
#include <CLI/CLI.hpp>
#include <array>
#include <charconv>
#include <memory>

#include "cli/commands/article_lookup.hpp"
#include "cli/commands/commands.hpp"
#include "cli/context.hpp"
#include "cli/output/format.hpp"
#include "cli/output/story_output.hpp"

namespace newsdb::cli {

struct StoryOptions {
  std::string story;
  std::string format;
};

namespace {

std::optional<std::int64_t> as_number(const std::string& text) {
  std::int64_t id = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return id;
}

}  // namespace

int run_story(const StoryOptions& options, Context& ctx) {
  static constexpr std::array kFormats = {Format::kText, Format::kJson, Format::kNdjson};
  auto format = ctx.output_format(options.format, kFormats, Format::kText, Format::kText);
  if (!format) return ctx.report(format.error());
  auto store = ctx.open_store(OpenMode::kReadOnly);
  if (!store) return ctx.report(store.error());
  StoryReader& stories = (*store)->stories();

  std::optional<std::int64_t> id = as_number(options.story);
  if (!id) {
    auto article = lookup_article((*store)->reader(), options.story);
    if (!article && article.error().kind != ErrorKind::kInvalidInput) {
      return ctx.report(article.error());
    }
    if (!article) {
      return ctx.report(Error{ErrorKind::kInvalidInput,
                              "'" + options.story +
                                  "' is neither a story id nor a URL: pass the number `newsdb "
                                  "stories` prints in the ID column, or an article's URL"});
    }
    if (!*article) return ctx.report(Error{ErrorKind::kNotFound, not_found_message(options.story)});
    id = (*article)->story_id;
  }
  auto story = id ? stories.get(*id) : Result<std::optional<StorySummary>>(std::nullopt);
  if (!story) return ctx.report(story.error());
  if (!*story) {
    return ctx.report(Error{ErrorKind::kNotFound,
                            "no story with id " + options.story +
                                " in the store; list them with `newsdb stories`"});
  }
  auto articles = stories.articles((*story)->id);
  if (!articles) return ctx.report(articles.error());

  if (*format == Format::kText) {
    print_story_text(ctx.out(), **story, *articles,
                     OutputOptions{Style(ctx.color()), ctx.terminal_width()});
  } else {
    Json out = story_json(**story);
    out["articles"] = Json::array();
    for (const auto& a : *articles) out["articles"].push_back(article_with_id(a));
    ctx.out() << json_text(out, *format == Format::kJson ? 2 : -1) << '\n';
  }
  ctx.out().flush();
  return kExitOk;
}

void add_story_command(CLI::App& app, Context& ctx, int& status) {
  auto options = std::make_shared<StoryOptions>();
  auto* cmd = app.add_subcommand(
      "story", "Show one story and all its coverage, earliest first, by id or article URL");
  cmd->add_option("story", options->story,
                  "the story's id (as `newsdb stories` prints it) or the URL of one of its "
                  "articles")
      ->required();
  cmd->add_option("-f,--format", options->format,
                  "text (readable, the default), json or ndjson (the story's fields and "
                  "`articles`: the article objects, earliest first)")
      ->type_name("FORMAT");
  cmd->footer(
      "Exit status 1 when no story has that id and no article that URL.\n"
      "Examples:\n"
      "  newsdb story 42\n"
      "  newsdb story https://www.bbc.co.uk/news/world-52345678 --format json");
  cmd->callback([&ctx, &status, options] { status = run_story(*options, ctx); });
}

}  // namespace newsdb::cli
