// The XML feed formats: RSS (0.9x, 1.0/RDF, 2.0) and Atom (0.3, 1.0), read from a parsed
// document into a ParsedFeed (see <newsdb/feed.hpp> for the rules every item follows).
#pragma once

#include <newsdb/feed.hpp>
#include <vector>

#include "net/xml_document.hpp"

namespace newsdb::net {

// True when the root element is <rss> or <rdf:RDF>; parse_rss reads it.
bool is_rss(const XmlDocument& doc);
ParsedFeed parse_rss(const XmlDocument& doc, const FeedContext& context);

// True when the root element is an Atom <feed>; parse_atom reads it.
bool is_atom(const XmlDocument& doc);
ParsedFeed parse_atom(const XmlDocument& doc, const FeedContext& context);

// Images from Media RSS (media:content, media:thumbnail, inside media:group too) and from
// <enclosure> / Atom rel="enclosure" links of an image type, among the children of `item`, with
// URLs resolved against `base`.
void collect_media_images(const xmlNode* item, const std::string& base, std::vector<Image>& out);

}  // namespace newsdb::net
