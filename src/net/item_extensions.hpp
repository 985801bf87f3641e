// The namespaced extensions that carry an item's title, excerpt and categories when its own
// elements do not: Dublin Core, Media RSS (also inside media:group and media:content) and
// iTunes. Shared by the RSS and Atom readers.
#pragma once

#include <string>
#include <vector>

#include "net/feed_item.hpp"
#include "net/xml_document.hpp"

namespace newsdb::net {

struct ItemExtensions {
  FeedText title;    // dc:title, else media:title
  FeedText summary;  // dc:description, else media:description, else itunes:summary
  std::vector<std::string> topics;  // itunes:category (nested ones too), media:category, in
                                    // document order
};

// What the extension elements among the children of `node` say. Values are HTML (tags are
// stripped), as feeds write them whatever the specifications say.
ItemExtensions read_item_extensions(const xmlNode* node);

// Completes `item`, read from `node` by a format's own rules, with the extensions: their title
// when the item has none, their summary when it has neither summary nor content (an excerpt is
// the first of the format's summary, its content, then these), their topics after its own.
void add_item_extensions(const xmlNode* node, FeedItem& item);

}  // namespace newsdb::net
