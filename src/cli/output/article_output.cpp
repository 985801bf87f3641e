#include "cli/output/article_output.hpp"

#include <newsdb/article_json.hpp>

#include "cli/output/dates.hpp"
#include "cli/output/delimited.hpp"
#include "cli/output/table.hpp"
#include "core/frontmatter_writer.hpp"

namespace newsdb::cli {
namespace {

std::string provider_name(const Article& a) { return a.provider ? a.provider->name : ""; }

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

template <typename T>
std::string text_of(const std::optional<T>& value) {
  if (!value) return "";
  if constexpr (std::is_same_v<T, bool>) {
    return *value ? "true" : "false";
  } else if constexpr (std::is_same_v<T, std::string>) {
    return *value;
  } else {
    return std::to_string(*value);
  }
}

class TableOutput final : public ArticleOutput {
 public:
  TableOutput(std::ostream& out, const OutputOptions& options)
      : out_(out),
        options_(options),
        table_({{"ID", Align::kRight, 0, 0, Column::Tone::kAccent},
                {"PUBLISHED", Align::kLeft, 0, 0, Column::Tone::kDim},
                {"PROVIDER", Align::kLeft, 2, 8},
                {"TITLE", Align::kLeft, 3, 20},
                {"TOPICS", Align::kLeft, 1, 0, Column::Tone::kDim}}) {}

  void write(const StoredArticle& a) override {
    // Collapsed to one row per story: the story's other articles are counted after the title.
    std::string title = a.article.title;
    if (a.story_articles && *a.story_articles > 1) {
      title += " (+" + std::to_string(*a.story_articles - 1) + " in story " +
               std::to_string(a.story_id.value_or(0)) + ")";
    }
    table_.add_row({std::to_string(a.id), date_text(a.article.published_date_time),
                    provider_name(a.article), title, joined(a.article.topics, ", ")},
                   a.snippet);
    ++written_;
  }
  void finish() override {
    if (!table_.empty()) table_.print(out_, options_.width, options_.style);
  }

 private:
  std::ostream& out_;
  OutputOptions options_;
  Table table_;
};

class TsvOutput final : public ArticleOutput {
 public:
  explicit TsvOutput(std::ostream& out) : out_(out) {
    out_ << "id\tpublishedDateTime\tprovider\ttitle\turl\n";
  }
  void write(const StoredArticle& a) override {
    out_ << a.id << '\t' << date_text(a.article.published_date_time) << '\t'
         << tsv_field(provider_name(a.article)) << '\t' << tsv_field(a.article.title) << '\t'
         << tsv_field(a.article.canonical_url) << '\n';
    ++written_;
  }
  void finish() override {}

 private:
  std::ostream& out_;
};

class CsvOutput final : public ArticleOutput {
 public:
  explicit CsvOutput(std::ostream& out) : out_(out) {
    out_ << "id,publishedDateTime,title,excerpt,provider,providerDomain,topics,category,type,"
            "quality,heat,published,url"
         << kCsvRecordEnd;
  }
  void write(const StoredArticle& s) override {
    const Article& a = s.article;
    const std::string fields[] = {
        std::to_string(s.id), date_text(a.published_date_time), a.title, text_of(a.excerpt),
        provider_name(a), a.provider ? a.provider->domain : "", joined(a.topics, "; "),
        text_of(a.category), text_of(a.type), text_of(a.quality), text_of(a.heat),
        text_of(a.published), a.canonical_url};
    bool first = true;
    for (const auto& f : fields) {
      if (!first) out_ << ',';
      first = false;
      out_ << csv_field(f);
    }
    out_ << kCsvRecordEnd;
    ++written_;
  }
  void finish() override {}

 private:
  std::ostream& out_;
};

class JsonOutput final : public ArticleOutput {
 public:
  JsonOutput(std::ostream& out, bool lines) : out_(out), lines_(lines) {}
  void write(const StoredArticle& a) override {
    if (lines_) {
      out_ << json_text(article_with_id(a)) << '\n';
    } else {
      out_ << (written_ == 0 ? "[\n" : ",\n") << json_text(article_with_id(a), 2);
    }
    ++written_;
  }
  void finish() override {
    if (!lines_) out_ << (written_ == 0 ? "[]\n" : "\n]\n");
  }

 private:
  std::ostream& out_;
  bool lines_;
};

class UrlsOutput final : public ArticleOutput {
 public:
  explicit UrlsOutput(std::ostream& out) : out_(out) {}
  void write(const StoredArticle& a) override {
    out_ << a.article.canonical_url << '\n';
    ++written_;
  }
  void finish() override {}

 private:
  std::ostream& out_;
};

class FrontmatterOutput final : public ArticleOutput {
 public:
  explicit FrontmatterOutput(std::ostream& out) : out_(out) {}
  void write(const StoredArticle& a) override {
    std::string doc = to_frontmatter(a.article);
    if (!doc.ends_with('\n')) doc += '\n';
    out_ << doc;
    ++written_;
  }
  void finish() override {}

 private:
  std::ostream& out_;
};

}  // namespace

std::string json_text(const Json& value, int indent) {
  return value.dump(indent, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
}

void print_json_list(std::ostream& out, const Json& array, Format format) {
  if (format != Format::kNdjson) {
    out << json_text(array, 2) << '\n';
    return;
  }
  for (const Json& element : array) out << json_text(element) << '\n';
}

Json article_with_id(const StoredArticle& article) {
  Json out = Json::object();
  out["id"] = article.id;
  out["storyId"] = article.story_id ? Json(*article.story_id) : Json(nullptr);
  if (article.story_articles) out["storyArticles"] = *article.story_articles;
  Json fields = to_json(article.article);  // named: items() must not outlive what it walks
  for (auto& [key, value] : fields.items()) out[key] = std::move(value);
  return out;
}

std::unique_ptr<ArticleOutput> make_article_output(Format format, std::ostream& out,
                                                   const OutputOptions& options) {
  switch (format) {
    case Format::kTable: return std::make_unique<TableOutput>(out, options);
    case Format::kTsv: return std::make_unique<TsvOutput>(out);
    case Format::kCsv: return std::make_unique<CsvOutput>(out);
    case Format::kJson: return std::make_unique<JsonOutput>(out, false);
    case Format::kNdjson: return std::make_unique<JsonOutput>(out, true);
    case Format::kUrls: return std::make_unique<UrlsOutput>(out);
    case Format::kFrontmatter:
    case Format::kText: return std::make_unique<FrontmatterOutput>(out);
  }
  return std::make_unique<TsvOutput>(out);
}

}  // namespace newsdb::cli
