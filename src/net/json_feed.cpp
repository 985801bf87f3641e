#include "net/json_feed.hpp"

#include "net/feed_item.hpp"
#include "net/url_parts.hpp"

namespace newsdb::net {
namespace {

using nlohmann::json;

// The string at `key`, or "" when absent or not a string (JSON Feed readers ignore bad fields).
std::string str(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void add_image(const json& item, const char* key, const std::string& base, std::vector<Image>& out) {
  if (auto url = resolve_url(base, str(item, key))) {
    Image image;
    image.url = *url;
    out.push_back(std::move(image));
  }
}

std::string first_author(const json& item) {
  // 1.1 has "authors" (a list); 1.0 had "author".
  if (auto it = item.find("authors"); it != item.end() && it->is_array()) {
    for (const auto& a : *it) {
      if (a.is_object() && !str(a, "name").empty()) return str(a, "name");
    }
  }
  if (auto it = item.find("author"); it != item.end() && it->is_object()) return str(*it, "name");
  return {};
}

FeedItem read_item(const json& item, const std::string& base) {
  FeedItem out;
  out.base = base;
  out.title = {str(item, "title"), Markup::kText};
  out.link = resolve_url(base, str(item, "url")).value_or("");
  out.original_link = resolve_url(base, str(item, "external_url")).value_or("");
  out.guid = str(item, "id");
  out.summary = {str(item, "summary"), Markup::kText};
  if (auto html = str(item, "content_html"); !html.empty()) {
    out.content = {html, Markup::kHtml};
  } else {
    out.content = {str(item, "content_text"), Markup::kText};
  }
  for (const char* key : {"date_published", "date_modified"}) {
    if (auto date = str(item, key); !date.empty()) out.dates.push_back(date);
  }
  if (auto tags = item.find("tags"); tags != item.end() && tags->is_array()) {
    for (const auto& t : *tags) {
      if (t.is_string()) out.topics.push_back(t.get<std::string>());
    }
  }
  add_image(item, "image", base, out.images);
  add_image(item, "banner_image", base, out.images);
  out.author = first_author(item);
  return out;
}

}  // namespace

bool is_json_feed(const json& doc) {
  return doc.is_object() && str(doc, "version").find("jsonfeed.org") != std::string::npos;
}

ParsedFeed parse_json_feed(const json& doc, const FeedContext& ctx) {
  ParsedFeed out;
  out.format = FeedFormat::kJsonFeed;
  const std::string& base = ctx.url;
  FeedChannel info;
  info.title = clean_text({str(doc, "title"), Markup::kText});
  info.site_url = resolve_url(base, str(doc, "home_page_url")).value_or("");
  if (!info.title.empty()) out.title = info.title;
  auto items = doc.find("items");
  if (items == doc.end() || !items->is_array()) return out;
  for (const auto& item : *items) {
    if (item.is_object()) add_feed_item(out, read_item(item, base), info, ctx);
  }
  return out;
}

}  // namespace newsdb::net
