#include "cli/output/story_output.hpp"

#include "cli/output/dates.hpp"
#include "cli/output/delimited.hpp"
#include "cli/output/table.hpp"
#include "cli/output/text_width.hpp"

namespace newsdb::cli {
namespace {

std::string joined(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

std::string provider_of(const StoredArticle& a) {
  return a.article.provider ? a.article.provider->name : std::string("(no provider)");
}

}  // namespace

Json story_json(const StorySummary& s) {
  Json o = Json::object();
  o["id"] = s.id;
  o["title"] = s.title;
  o["articles"] = s.articles;
  o["providers"] = s.providers;
  o["firstPublished"] = s.first_published ? Json(date_text(s.first_published)) : Json(nullptr);
  o["lastPublished"] = s.last_published ? Json(date_text(s.last_published)) : Json(nullptr);
  o["topics"] = s.topics;
  return o;
}

void print_stories(std::ostream& out, Format format, const std::vector<StorySummary>& stories,
                   const OutputOptions& options) {
  switch (format) {
    case Format::kJson: {
      Json all = Json::array();
      for (const auto& s : stories) all.push_back(story_json(s));
      out << json_text(all, 2) << '\n';
      break;
    }
    case Format::kNdjson:
      for (const auto& s : stories) out << json_text(story_json(s)) << '\n';
      break;
    case Format::kCsv:
      out << "id,title,articles,providers,firstPublished,lastPublished,topics" << kCsvRecordEnd;
      for (const auto& s : stories) {
        out << s.id << ',' << csv_field(s.title) << ',' << s.articles << ',' << s.providers << ','
            << date_text(s.first_published) << ',' << date_text(s.last_published) << ','
            << csv_field(joined(s.topics, "; ")) << kCsvRecordEnd;
      }
      break;
    case Format::kTsv:
      out << "id\tlastPublished\tarticles\tproviders\ttitle\n";
      for (const auto& s : stories) {
        out << s.id << '\t' << date_text(s.last_published) << '\t' << s.articles << '\t'
            << s.providers << '\t' << tsv_field(s.title) << '\n';
      }
      break;
    default: {
      Table table({{"ID", Align::kRight, 0, 0, Column::Tone::kDim},
                   {"LAST", Align::kLeft, 3, 0, Column::Tone::kDim},
                   {"ARTICLES", Align::kRight, 0, 0, Column::Tone::kAccent},
                   {"PROVIDERS", Align::kRight, 4, 0},
                   {"TITLE", Align::kLeft, 2, 20, Column::Tone::kBold},
                   {"TOPICS", Align::kLeft, 1, 0, Column::Tone::kDim}});
      for (const auto& s : stories) {
        table.add_row({std::to_string(s.id), date_text(s.last_published).substr(0, 10),
                       std::to_string(s.articles), std::to_string(s.providers),
                       single_line(s.title), joined(s.topics, ", ")});
      }
      if (!table.empty()) table.print(out, options.width, options.style);
      break;
    }
  }
}

void print_story_text(std::ostream& out, const StorySummary& s,
                      const std::vector<StoredArticle>& articles, const OutputOptions& options) {
  const Style& style = options.style;
  out << style.bold(single_line(s.title)) << '\n';
  out << style.dim("story " + std::to_string(s.id) + " · " + std::to_string(s.articles) +
                   (s.articles == 1 ? " article" : " articles") + " from " +
                   std::to_string(s.providers) + (s.providers == 1 ? " provider" : " providers"));
  if (s.first_published) {
    out << style.dim(" · " + date_text(s.first_published) + " to " + date_text(s.last_published));
  }
  out << '\n';
  if (!s.topics.empty()) out << style.dim("topics: " + joined(s.topics, ", ")) << '\n';
  if (!articles.empty()) {
    const StoredArticle& first = articles.front();
    out << "First reported by " << provider_of(first);
    if (first.article.published_date_time) out << " at " << date_text(first.article.published_date_time);
    out << '\n';
  }
  out << '\n';
  Table table({{"PUBLISHED", Align::kLeft, 0, 0, Column::Tone::kDim},
               {"PROVIDER", Align::kLeft, 2, 8},
               {"TITLE", Align::kLeft, 3, 20, Column::Tone::kBold},
               {"ID", Align::kRight, 0, 0, Column::Tone::kDim},
               {"URL", Align::kLeft, 1, 0, Column::Tone::kDim}});
  for (const auto& a : articles) {
    table.add_row({date_text(a.article.published_date_time), single_line(provider_of(a)),
                   single_line(a.article.title), std::to_string(a.id), a.article.canonical_url});
  }
  if (!table.empty()) table.print(out, options.width, style);
}

}  // namespace newsdb::cli
