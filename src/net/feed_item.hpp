// What every feed format reads an item into, and the one place that turns it into an Article
// with the rules of <newsdb/feed.hpp>: text cleaned, link and identity, title fallback, date
// default and clamp, provider, topics and images deduplicated.
#pragma once

#include <newsdb/article.hpp>
#include <newsdb/feed.hpp>
#include <optional>
#include <string>
#include <vector>

#include "net/html_text.hpp"

namespace newsdb::net {

enum class Markup { kText, kHtml };

// A piece of text as the feed gave it.
struct FeedText {
  std::string raw;
  Markup markup = Markup::kHtml;
  bool empty() const { return raw.empty(); }
};

struct FeedChannel {
  std::string title;     // plain text
  std::string site_url;  // the feed's website, absolute ("" when unknown)
};

struct FeedItem {
  int line = 0;                // where the item starts in the document (0 when unknown)
  std::string base;            // base URL for links inside its HTML
  FeedText title;
  std::string link;            // absolute, or "" when it had none usable
  std::string original_link;   // absolute: the publisher's URL when the feed says (origLink)
  std::string guid;            // its id; used as the link when it is an http(s) URL
  FeedText summary;
  FeedText content;
  std::vector<std::string> dates;  // as written, the one to prefer first
  std::vector<std::string> topics;
  std::vector<Image> images;   // absolute URLs
  std::optional<Provider> provider;  // the item's own (RSS/Atom <source>)
  std::string author;
  // Set when a limit cut one of its values short while it was read (entity expansion past the
  // document's budget): the item fails with this as its diagnostic.
  std::optional<std::string> cut_short;
};

// The text of `text` for people: HTML stripped and entities decoded when it is HTML, whitespace
// collapsed or kept as paragraphs (`layout`); valid UTF-8.
std::string clean_text(const FeedText& text, TextLayout layout = TextLayout::kOneLine);

// Appends `item` to `out.articles` as an Article, or a warning to `out.diagnostics` when it
// cannot be one (no usable link, no title). An item with a value over the per-value limit
// (context.limits.max_field_bytes) or cut short fails: an error naming the limit, and
// out.failed_records counts it.
void add_feed_item(ParsedFeed& out, FeedItem item, const FeedChannel& channel,
                   const FeedContext& context);

// The image rules shared by RSS and Atom: true when a link/enclosure of MIME type `type`
// (possibly "") and `medium` (possibly "") at `url` is an image.
bool looks_like_image(const std::string& type, const std::string& medium, const std::string& url);

}  // namespace newsdb::net
