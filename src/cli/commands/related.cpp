// `newsdb related ID|URL`: the article's related coverage, each entry marked with whether (and
// as which id) it is in the store, then the stored articles that list this one as related.
//
// Formats: table (terminal), tsv (otherwise: a header line, then relation, inStore yes/no, id,
// publishedDateTime, provider, title, url), json / ndjson (objects with "relation" ("related" or "cites-this"), "inStore", "id", then
// the entry's own fields).
#include <CLI/CLI.hpp>
#include <array>
#include <memory>
#include <newsdb/article_json.hpp>

#include "cli/commands/article_lookup.hpp"
#include "cli/commands/commands.hpp"
#include "cli/context.hpp"
#include "cli/output/article_output.hpp"
#include "cli/output/dates.hpp"
#include "cli/output/delimited.hpp"
#include "cli/output/format.hpp"
#include "cli/output/table.hpp"
#include "cli/output/text_width.hpp"

namespace newsdb::cli {

struct RelatedOptions {
  std::string article;
  std::string format;
};

namespace {

// One line of output, whichever way round the link goes.
struct Link {
  std::string relation;  // "related" or "cites-this"
  std::optional<std::int64_t> id;
  std::string date;
  std::string provider;
  std::string title;
  std::string url;
  Json json;
};

std::vector<Link> links_of(const RelatedCoverage& coverage) {
  std::vector<Link> links;
  for (const auto& e : coverage.entries) {
    Json j = Json::object();
    j["relation"] = "related";
    j["inStore"] = e.stored_id.has_value();
    j["id"] = e.stored_id ? Json(*e.stored_id) : Json(nullptr);
    Json fields = to_json(e.article);  // named: items() must not outlive what it walks
    for (auto& [k, v] : fields.items()) j[k] = std::move(v);
    links.push_back(Link{"related", e.stored_id, date_text(e.article.published_date_time),
                         e.article.provider ? e.article.provider->name : "", e.article.title,
                         e.article.primary_url(), std::move(j)});
  }
  for (const auto& c : coverage.cited_by) {
    Json j = Json::object();
    j["relation"] = "cites-this";
    j["inStore"] = true;
    j["id"] = c.id;
    j["title"] = c.title;
    if (c.published_date_time) j["publishedDateTime"] = date_text(c.published_date_time);
    j["url"] = c.canonical_url;
    if (c.provider_name) j["provider"] = Json{{"name", *c.provider_name}};
    links.push_back(Link{"cites-this", c.id, date_text(c.published_date_time),
                         c.provider_name.value_or(""), c.title, c.canonical_url, std::move(j)});
  }
  return links;
}

void print_table(Context& ctx, const StoredArticle& article, const std::vector<Link>& links) {
  Style style(ctx.color());
  int width = ctx.terminal_width();
  auto print_part = [&](std::string_view relation, std::string_view heading) {
    Table table({{"IN STORE", Align::kLeft, 0, 0, Column::Tone::kAccent},
                 {"PUBLISHED", Align::kLeft, 0, 0, Column::Tone::kDim},
                 {"PROVIDER", Align::kLeft, 1, 8},
                 {"TITLE", Align::kLeft, 2, 20}});
    for (const auto& l : links) {
      if (l.relation != relation) continue;
      table.add_row({l.id ? "#" + std::to_string(*l.id) : "-", l.date, l.provider, l.title});
    }
    if (table.empty()) return;
    ctx.out() << style.bold(std::string(heading)) << '\n';
    table.print(ctx.out(), width, style);
  };
  ctx.out() << style.dim(fit_width(single_line("#" + std::to_string(article.id) + " " +
                                               article.article.title),
                                   width))
            << "\n\n";
  print_part("related", "Related coverage");
  bool both = std::any_of(links.begin(), links.end(), [](const Link& l) { return l.relation == "related"; }) &&
              std::any_of(links.begin(), links.end(), [](const Link& l) { return l.relation != "related"; });
  if (both) ctx.out() << '\n';
  print_part("cites-this", "Stored articles that list this one as related");
}

}  // namespace

int run_related(const RelatedOptions& options, Context& ctx) {
  static constexpr std::array kFormats = {Format::kTable, Format::kJson, Format::kNdjson,
                                          Format::kTsv};
  auto format = ctx.output_format(options.format, kFormats, Format::kTable, Format::kTsv);
  if (!format) return ctx.report(format.error());
  auto store = ctx.open_store(OpenMode::kReadOnly);
  if (!store) return ctx.report(store.error());
  ArticleReader& reader = (*store)->reader();
  auto found = lookup_article(reader, options.article);
  if (!found) return ctx.report(found.error());
  if (!*found) return ctx.report(Error{ErrorKind::kNotFound, not_found_message(options.article)});
  auto coverage = reader.related((*found)->id);
  if (!coverage) return ctx.report(coverage.error());
  std::vector<Link> links = links_of(*coverage);

  switch (*format) {
    case Format::kJson: {
      Json all = Json::array();
      for (auto& l : links) all.push_back(std::move(l.json));
      ctx.out() << json_text(all, 2) << '\n';
      break;
    }
    case Format::kNdjson:
      for (const auto& l : links) ctx.out() << json_text(l.json) << '\n';
      break;
    case Format::kTsv:
      ctx.out() << "relation\tinStore\tid\tpublishedDateTime\tprovider\ttitle\turl\n";
      for (const auto& l : links) {
        ctx.out() << l.relation << '\t' << (l.id ? "yes" : "no") << '\t'
                  << (l.id ? std::to_string(*l.id) : "") << '\t' << l.date << '\t'
                  << tsv_field(l.provider) << '\t' << tsv_field(l.title) << '\t' << tsv_field(l.url)
                  << '\n';
      }
      break;
    default:
      if (links.empty()) {
        ctx.err() << "#" << (*found)->id << " lists no related coverage, and no stored article "
                  << "lists it.\n";
      } else {
        print_table(ctx, **found, links);
      }
      break;
  }
  ctx.out().flush();
  return kExitOk;
}

void add_related_command(CLI::App& app, Context& ctx, int& status) {
  auto options = std::make_shared<RelatedOptions>();
  auto* cmd = app.add_subcommand(
      "related", "An article's related coverage, marked with whether each is in the store");
  cmd->add_option("article", options->article, "the article's id or any form of its URL")
      ->required();
  cmd->add_option("-f,--format", options->format, "table, json, ndjson or tsv");
  cmd->footer("Also lists the stored articles that name this one as related.\n"
              "Exit status 1 when no article has that id or URL.\n"
              "Example:\n"
              "  newsdb related 42");
  cmd->callback([&ctx, &status, options] { status = run_related(*options, ctx); });
}

}  // namespace newsdb::cli
