#include "store/sqlite/related_doc.hpp"

#include <newsdb/date.hpp>

namespace newsdb::sqlite {
namespace {

template <typename T>
void put(Json& j, const char* key, const std::optional<T>& v) {
  if (v) j[key] = *v;
}

void put_extra(Json& j, const Json& extra) {
  if (!extra.is_object()) return;
  for (const auto& [k, v] : extra.items()) j[k] = v;
}

}  // namespace

std::string related_doc(const RelatedArticle& r) {
  Json j = Json::object();
  j["title"] = r.title;
  put(j, "excerpt", r.excerpt);
  if (r.published_date_time) j["publishedDateTime"] = format_timestamp(*r.published_date_time);
  put(j, "originalUrl", r.original_url);
  put(j, "webUrl", r.web_url);
  put(j, "ampWebUrl", r.amp_web_url);
  put(j, "cdnAmpWebUrl", r.cdn_amp_web_url);
  put(j, "category", r.category);
  put(j, "type", r.type);
  put(j, "quality", r.quality);
  put(j, "heat", r.heat);
  put(j, "published", r.published);
  if (r.provider) {
    Json p = Json::object();
    p["name"] = r.provider->name;
    p["domain"] = r.provider->domain;
    put_extra(p, r.provider->extra);
    j["provider"] = std::move(p);
  }
  if (!r.topics.empty()) j["topics"] = r.topics;
  if (!r.images.empty()) {
    Json images = Json::array();
    for (const auto& i : r.images) {
      Json o = Json::object();
      o["url"] = i.url;
      put(o, "width", i.width);
      put(o, "height", i.height);
      put(o, "isCached", i.is_cached);
      put_extra(o, i.extra);
      images.push_back(std::move(o));
    }
    j["images"] = std::move(images);
  }
  put(j, "secured", r.secured);
  put_extra(j, r.extra);
  return j.dump();
}

}  // namespace newsdb::sqlite
