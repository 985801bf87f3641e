// Atom 1.0 (RFC 4287) and the 0.3 draft still served by old blogs: text constructs of type text,
// html and xhtml (and 0.3's mode="escaped" and mode="base64"), links by rel (an href, or the URL
// written as the link's text), xml:base everywhere, the entry's <source> as its provider, and the
// Dublin Core, Media RSS and iTunes extensions (item_extensions.hpp).
#include <string>

#include "net/base64.hpp"
#include "net/feed_item.hpp"
#include "net/feed_text.hpp"
#include "net/html_text.hpp"
#include "net/item_extensions.hpp"
#include "net/url_parts.hpp"
#include "net/xml_feeds.hpp"

namespace newsdb::net {
namespace {

// Atom's own elements; a feed that forgot its xmlns is read too.
bool is_atom_element(const xmlNode* node, std::string_view name) {
  auto ns = namespace_of(node);
  return local_name(node) == name && (ns == kAtomNs || ns == kAtom03Ns || ns.empty());
}

xmlNode* atom_child(const xmlNode* parent, std::string_view name) {
  return first_child(parent, {kAtomNs, kAtom03Ns, ""}, name);
}

// A text construct: type="html" is escaped HTML, "xhtml" is inline markup, else plain text.
FeedText text_construct(const xmlNode* node) {
  if (!node) return {};
  auto type = attribute(node, "type");
  if (type == "xhtml" || type == "application/xhtml+xml") {
    return {inner_markup(node), Markup::kHtml};
  }
  bool html = type == "html" || type == "text/html";
  auto mode = attribute(node, "mode");
  if (mode == "base64") {
    // Atom 0.3: the bytes of a document of `type` (text/plain by default). Undecodable: as
    // written, which is what a reader would see of it too.
    auto raw = text_of(node);
    auto decoded = decode_base64(raw);
    return {decoded ? std::move(*decoded) : std::move(raw), html ? Markup::kHtml : Markup::kText};
  }
  if (html) return {text_of(node), Markup::kHtml};
  // Atom 0.3 mode="escaped" is HTML too.
  if (mode == "escaped") return {text_of(node), Markup::kHtml};
  return {text_of(node), Markup::kText};
}

std::string plain(const xmlNode* node) {
  return collapse_whitespace(sanitize_utf8(text_of(node)));
}

// The rel="alternate" link (a missing rel means alternate), preferring text/html, resolved. A
// link without an href whose text is its URL (as RSS writes links) counts as its href.
std::string alternate_link(const xmlNode* parent, const std::string& base) {
  std::string best;
  for (xmlNode* c : child_elements(parent)) {
    if (!is_atom_element(c, "link")) continue;
    auto rel = attribute(c, "rel");
    if (!rel.empty() && rel != "alternate") continue;
    auto written = attribute(c, "href");
    if (written.empty()) written = plain(c);
    auto href = resolve_url(base_of(c, base), written);
    if (!href) continue;
    auto type = attribute(c, "type");
    if (type.empty() || type == "text/html") return *href;
    if (best.empty()) best = *href;
  }
  return best;
}

std::optional<Provider> source_provider(const xmlNode* source, const std::string& base) {
  if (!source) return std::nullopt;
  Provider p;
  p.name = clean_text(text_construct(atom_child(source, "title")));
  p.domain = url_domain(alternate_link(source, base)).value_or("");
  if (p.name.empty() && p.domain.empty()) return std::nullopt;
  return p;
}

FeedItem read_entry(const xmlNode* entry, const std::string& feed_base) {
  FeedItem item;
  item.line = line_of(entry);
  item.base = base_of(entry, feed_base);
  item.title = text_construct(atom_child(entry, "title"));
  item.link = alternate_link(entry, item.base);
  item.guid = plain(atom_child(entry, "id"));
  item.summary = text_construct(atom_child(entry, "summary"));
  if (xmlNode* content = atom_child(entry, "content"); content && attribute(content, "src").empty()) {
    item.content = text_construct(content);
  }
  // Published over updated wherever they appear; Atom 0.3's issued and modified likewise.
  for (const char* name : {"published", "issued", "created", "updated", "modified"}) {
    if (auto date = plain(atom_child(entry, name)); !date.empty()) item.dates.push_back(date);
  }
  for (const char* name : {"issued", "created", "modified"}) {
    if (auto date = plain(first_child(entry, {kDcTermsNs}, name)); !date.empty()) {
      item.dates.push_back(date);
    }
  }
  if (auto date = plain(first_child(entry, {kDcNs}, "date")); !date.empty()) {
    item.dates.push_back(date);
  }
  for (xmlNode* c : child_elements(entry)) {
    if (!is_atom_element(c, "category")) continue;
    auto label = attribute(c, "label");
    item.topics.push_back(label.empty() ? attribute(c, "term") : label);
  }
  if (xmlNode* author = atom_child(entry, "author")) item.author = plain(atom_child(author, "name"));
  item.provider = source_provider(atom_child(entry, "source"), item.base);
  add_item_extensions(entry, item);
  collect_media_images(entry, item.base, item.images);
  return item;
}

}  // namespace

bool is_atom(const XmlDocument& doc) {
  auto* root = doc.root();
  auto ns = namespace_of(root);
  return local_name(root) == "feed" && (ns == kAtomNs || ns == kAtom03Ns || ns.empty());
}

ParsedFeed parse_atom(const XmlDocument& doc, const FeedContext& ctx) {
  ParsedFeed out;
  out.format = FeedFormat::kAtom;
  xmlNode* root = doc.root();
  std::string base = base_of(root, ctx.url);
  FeedChannel info;
  info.title = clean_text(text_construct(atom_child(root, "title")));
  info.site_url = alternate_link(root, base);
  if (!info.title.empty()) out.title = info.title;
  (void)doc.take_expansion_cut();  // the feed's own values are not an entry's fault
  for (xmlNode* c : child_elements(root)) {
    if (!is_atom_element(c, "entry")) continue;
    FeedItem item = read_entry(c, base);
    item.cut_short = doc.take_expansion_cut();
    add_feed_item(out, std::move(item), info, ctx);
  }
  return out;
}

}  // namespace newsdb::net
