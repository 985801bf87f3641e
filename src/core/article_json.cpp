#include <algorithm>
#include <newsdb/article_json.hpp>
#include <newsdb/date.hpp>

#include "core/json_events.hpp"
#include "core/record_builder.hpp"

namespace newsdb {
namespace {

template <typename T>
void put_optional(Json& out, const char* key, const std::optional<T>& value) {
  if (value) out[key] = *value;
}

// Unknown fields after the known ones; a known name in `extra` (only possible for records built
// in code) never overrides the typed field.
void put_extra(Json& out, const Json& extra) {
  if (!extra.is_object()) return;
  for (const auto& [key, value] : extra.items()) {
    if (!out.contains(key)) out[key] = value;
  }
}

void put_fields(Json& out, const ArticleFields& a) {
  out["title"] = a.title;
  put_optional(out, "excerpt", a.excerpt);
  if (a.published_date_time) out["publishedDateTime"] = format_timestamp(*a.published_date_time);
  put_optional(out, "originalUrl", a.original_url);
  put_optional(out, "webUrl", a.web_url);
  put_optional(out, "ampWebUrl", a.amp_web_url);
  put_optional(out, "cdnAmpWebUrl", a.cdn_amp_web_url);
  put_optional(out, "category", a.category);
  put_optional(out, "type", a.type);
  put_optional(out, "quality", a.quality);
  put_optional(out, "heat", a.heat);
  put_optional(out, "published", a.published);
  if (a.provider) out["provider"] = to_json(*a.provider);
  if (!a.topics.empty()) out["topics"] = a.topics;
  if (!a.images.empty()) {
    Json images = Json::array();
    for (const Image& image : a.images) images.push_back(to_json(image));
    out["images"] = std::move(images);
  }
}

Error first_problem(const std::vector<Diagnostic>& diagnostics) {
  auto it = std::find_if(diagnostics.begin(), diagnostics.end(),
                         [](const Diagnostic& d) { return d.severity == Severity::kError; });
  if (it == diagnostics.end()) {
    return Error{ErrorKind::kInternal, "record rejected without a reason"};
  }
  const Diagnostic& d = *it;
  return Error{ErrorKind::kInvalidInput, d.field.empty() ? d.message : d.field + ": " + d.message};
}

}  // namespace

Json to_json(const Provider& p) {
  Json out = Json::object();
  if (!p.name.empty()) out["name"] = p.name;
  if (!p.domain.empty()) out["domain"] = p.domain;
  put_extra(out, p.extra);
  return out;
}

Json to_json(const Image& image) {
  Json out = Json::object();
  out["url"] = image.url;
  put_optional(out, "width", image.width);
  put_optional(out, "height", image.height);
  put_optional(out, "isCached", image.is_cached);
  put_extra(out, image.extra);
  return out;
}

Json to_json(const RelatedArticle& related) {
  Json out = Json::object();
  put_fields(out, related);
  put_optional(out, "secured", related.secured);
  put_extra(out, related.extra);
  return out;
}

Json to_json(const Article& article) {
  Json out = Json::object();
  put_fields(out, article);
  if (!article.related.empty()) {
    Json related = Json::array();
    for (const RelatedArticle& r : article.related) related.push_back(to_json(r));
    out["related"] = std::move(related);
  }
  put_optional(out, "secured", article.secured);
  put_optional(out, "body", article.body);
  put_extra(out, article.extra);
  return out;
}

std::optional<Article> article_from_json(const Json& record, std::vector<Diagnostic>& diagnostics,
                                         const ParseLimits& limits) {
  JsonEventSource source(record, SourceMark{}, limits);
  RecordBuilder builder(source, diagnostics, limits);
  return builder.read_article();
}

Result<Article> article_from_json(const Json& record) {
  std::vector<Diagnostic> diagnostics;
  if (auto article = article_from_json(record, diagnostics)) return std::move(*article);
  return std::unexpected(first_problem(diagnostics));
}

Result<RelatedArticle> related_article_from_json(const Json& record) {
  std::vector<Diagnostic> diagnostics;
  JsonEventSource source(record, SourceMark{}, ParseLimits{});
  RecordBuilder builder(source, diagnostics);
  if (auto related = builder.read_related()) return std::move(*related);
  return std::unexpected(first_problem(diagnostics));
}

}  // namespace newsdb
