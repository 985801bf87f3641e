#include "net/item_extensions.hpp"

#include <iterator>

#include "net/feed_text.hpp"

namespace newsdb::net {
namespace {

// Dublin Core's first version; old RSS 0.90 and 1.0 feeds still declare it.
constexpr const char* kDc10Ns = "http://purl.org/dc/elements/1.0/";

// Candidates in the order they win, whatever their order in the document.
struct Found {
  FeedText dc_title, media_title;
  FeedText dc_description, media_description, itunes_summary;
};

// An element with only whitespace is not present.
void keep_first(FeedText& slot, const xmlNode* node) {
  if (!slot.empty()) return;
  auto text = text_of(node);
  if (!collapse_whitespace(text).empty()) slot = {std::move(text), Markup::kHtml};
}

void itunes_categories(const xmlNode* node, std::vector<std::string>& out, int depth) {
  if (auto text = attribute(node, "text"); !text.empty()) out.push_back(text);
  if (depth == 0) return;  // iTunes nests one level; deeper is not a category tree
  for (xmlNode* c : child_elements(node)) {
    if (is_element(c, kItunesNs, "category")) itunes_categories(c, out, depth - 1);
  }
}

// `media_depth`: how many media:group / media:content elements `parent` is inside (at most 2: a
// media:content in a media:group).
void scan(const xmlNode* parent, Found& found, std::vector<std::string>& topics, int media_depth) {
  for (xmlNode* c : child_elements(parent)) {
    auto ns = namespace_of(c);
    auto name = local_name(c);
    if (ns == kMediaNs) {
      if (name == "title") keep_first(found.media_title, c);
      else if (name == "description") keep_first(found.media_description, c);
      else if (name == "category") {
        auto label = attribute(c, "label");
        topics.push_back(label.empty() ? text_of(c) : label);
      } else if ((name == "group" || name == "content") && media_depth < 2) {
        scan(c, found, topics, media_depth + 1);
      }
    } else if (media_depth > 0) {
      continue;  // only Media RSS describes inside a media element
    } else if (ns == kDcNs || ns == kDc10Ns) {
      if (name == "title") keep_first(found.dc_title, c);
      else if (name == "description") keep_first(found.dc_description, c);
    } else if (ns == kItunesNs) {
      if (name == "summary") keep_first(found.itunes_summary, c);
      else if (name == "category") itunes_categories(c, topics, 1);
    }
  }
}

const FeedText& first_of(std::initializer_list<const FeedText*> candidates) {
  for (const FeedText* t : candidates) {
    if (!t->empty()) return *t;
  }
  return **candidates.begin();
}

}  // namespace

ItemExtensions read_item_extensions(const xmlNode* node) {
  Found found;
  ItemExtensions out;
  scan(node, found, out.topics, 0);
  out.title = first_of({&found.dc_title, &found.media_title});
  out.summary = first_of({&found.dc_description, &found.media_description, &found.itunes_summary});
  return out;
}

void add_item_extensions(const xmlNode* node, FeedItem& item) {
  auto ext = read_item_extensions(node);
  bool blank_title = collapse_whitespace(item.title.raw).empty();
  if (blank_title && !ext.title.empty()) item.title = std::move(ext.title);
  bool blank_text = collapse_whitespace(item.summary.raw).empty() &&
                    collapse_whitespace(item.content.raw).empty();
  if (blank_text && !ext.summary.empty()) item.summary = std::move(ext.summary);
  item.topics.insert(item.topics.end(), std::make_move_iterator(ext.topics.begin()),
                     std::make_move_iterator(ext.topics.end()));
}

}  // namespace newsdb::net
