#include <charconv>

#include "net/feed_item.hpp"
#include "net/url_parts.hpp"
#include "net/xml_feeds.hpp"

namespace newsdb::net {
namespace {

std::optional<std::int64_t> dimension(const std::string& text) {
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n < 0) return std::nullopt;
  return n;
}

void add_image(const xmlNode* node, const char* url_attribute, const std::string& base,
               std::vector<Image>& out) {
  auto url = resolve_url(base, attribute(node, url_attribute));
  if (!url) return;
  Image image;
  image.url = *url;
  image.width = dimension(attribute(node, "width"));
  image.height = dimension(attribute(node, "height"));
  out.push_back(std::move(image));
}

}  // namespace

void collect_media_images(const xmlNode* item, const std::string& base, std::vector<Image>& out) {
  for (xmlNode* c : child_elements(item)) {
    auto ns = namespace_of(c);
    auto name = local_name(c);
    if (ns == kMediaNs && name == "group") {
      collect_media_images(c, base, out);
    } else if (ns == kMediaNs && name == "content") {
      if (looks_like_image(attribute(c, "type"), attribute(c, "medium"), attribute(c, "url"))) {
        add_image(c, "url", base, out);
      }
      collect_media_images(c, base, out);  // a video's media:thumbnail sits inside it
    } else if (ns == kMediaNs && name == "thumbnail") {
      add_image(c, "url", base, out);
    } else if (name == "enclosure" && (ns.empty() || ns == kRss1Ns)) {
      if (looks_like_image(attribute(c, "type"), "", attribute(c, "url"))) {
        add_image(c, "url", base, out);
      }
    } else if (name == "link" && (ns == kAtomNs || ns == kAtom03Ns) &&
               attribute(c, "rel") == "enclosure") {
      if (looks_like_image(attribute(c, "type"), "", attribute(c, "href"))) {
        add_image(c, "href", base_of(c, base), out);
      }
    }
  }
}

}  // namespace newsdb::net
