#include "store/postgres/article_encoding.hpp"

#include <xxhash.h>

#include <cstdio>
#if __has_include(<newsdb/article_json.hpp>)
#include <newsdb/article_json.hpp>
#else
// TEMPORARY until core's article_json lands on main.
#include <newsdb/date.hpp>
namespace newsdb {
namespace {
Json fields_json(const ArticleFields& a) {
  Json out = Json::object();
  out["title"] = a.title;
  if (a.excerpt) out["excerpt"] = *a.excerpt;
  if (a.published_date_time) out["publishedDateTime"] = format_timestamp(*a.published_date_time);
  if (a.original_url) out["originalUrl"] = *a.original_url;
  if (a.web_url) out["webUrl"] = *a.web_url;
  if (a.category) out["category"] = *a.category;
  if (a.type) out["type"] = *a.type;
  if (a.quality) out["quality"] = *a.quality;
  if (a.heat) out["heat"] = *a.heat;
  if (a.published) out["published"] = *a.published;
  if (a.provider) out["provider"] = {{"name", a.provider->name}, {"domain", a.provider->domain}};
  if (!a.topics.empty()) out["topics"] = a.topics;
  for (const auto& i : a.images) out["images"].push_back({{"url", i.url}});
  if (a.secured) out["secured"] = *a.secured;
  for (const auto& [k, v] : a.extra.items()) out[k] = v;
  return out;
}
}  // namespace
inline Json to_json(const RelatedArticle& r) { return fields_json(r); }
inline Json to_json(const Article& a) {
  Json out = fields_json(a);
  for (const auto& r : a.related) out["related"].push_back(fields_json(r));
  if (a.body) out["body"] = *a.body;
  return out;
}
}  // namespace newsdb
#endif

namespace newsdb::postgres {

std::string fold_key(std::string_view name) {
  std::string out(name);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string topics_text(const ArticleFields& article) {
  std::string out;
  for (const auto& topic : article.topics) {
    if (!out.empty()) out += '\n';
    out += topic;
  }
  return out;
}

std::optional<std::string> extra_text(const Json& extra) {
  if (!extra.is_object() || extra.empty()) return std::nullopt;
  return extra.dump();
}

std::string related_doc(const RelatedArticle& related) { return to_json(related).dump(); }

std::string content_hash(const Article& article) {
  // to_json writes every field in a fixed order and the unknown ones in input order, so equal
  // articles give equal text.
  std::string text = to_json(article).dump();
  XXH128_hash_t h = XXH3_128bits(text.data(), text.size());
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return hex;
}

}  // namespace newsdb::postgres
