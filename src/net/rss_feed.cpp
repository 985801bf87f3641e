// RSS 0.91 / 0.92 / 2.0 (elements in no namespace, or in one of UserLand's default namespaces),
// RSS 0.90 (RDF or not: items beside the channel, in the 0.90 namespace) and RSS 1.0 (RDF: items
// beside the channel, in the RSS 1.0 namespace), with the extensions real feeds use:
// content:encoded, xhtml:body, dc:date, dc:creator, dc:subject, media:*, itunes:*,
// feedburner:origLink, and atom:link when <link> is missing.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "net/feed_item.hpp"
#include "net/feed_text.hpp"
#include "net/html_text.hpp"
#include "net/item_extensions.hpp"
#include "net/url_parts.hpp"
#include "net/xml_feeds.hpp"

namespace newsdb::net {
namespace {

// The namespaces RSS's own elements are in: none (0.91 to 2.0), UserLand's defaults for 2.0 and
// 0.91, the 0.90 one and the RSS 1.0 one.
bool is_rss_namespace(std::string_view ns) {
  return ns.empty() || ns == kRss1Ns || ns == kRss090Ns || ns == kRssUserlandNs ||
         ns == kRssUserland091Ns;
}

bool is_rss_element(const xmlNode* node, std::string_view name) {
  return local_name(node) == name && is_rss_namespace(namespace_of(node));
}

xmlNode* rss_child(const xmlNode* parent, std::string_view name) {
  return first_child(parent, {"", kRss1Ns, kRss090Ns, kRssUserlandNs, kRssUserland091Ns}, name);
}

std::string plain(const xmlNode* node) {
  return collapse_whitespace(sanitize_utf8(text_of(node)));
}

std::string atom_alternate(const xmlNode* parent) {
  for (xmlNode* c : child_elements(parent)) {
    if (is_element(c, kAtomNs, "link")) {
      auto rel = attribute(c, "rel");
      if (rel.empty() || rel == "alternate") return attribute(c, "href");
    }
  }
  return {};
}

// Where a date element ranks among an item's dates (0 first), or nullopt for other elements: the
// publication date before the others, a modification date last.
std::optional<std::size_t> date_rank(const xmlNode* node) {
  struct Dated {
    const char* ns;
    const char* name;
  };
  static constexpr Dated kOrder[] = {{"", "pubDate"},        {kDcNs, "date"},
                                     {kDcTermsNs, "issued"}, {kDcTermsNs, "created"},
                                     {kAtomNs, "published"}, {kDcTermsNs, "modified"},
                                     {kAtomNs, "updated"}};
  for (std::size_t i = 0; i < std::size(kOrder); ++i) {
    bool own = *kOrder[i].ns == '\0' ? is_rss_element(node, kOrder[i].name)
                                     : is_element(node, kOrder[i].ns, kOrder[i].name);
    if (own) return i;
  }
  return std::nullopt;
}

FeedItem read_item(const xmlNode* node, const std::string& base) {
  FeedItem item;
  item.line = line_of(node);
  item.base = base_of(node, base);
  std::string link;
  std::vector<std::string> dates(7);
  for (xmlNode* c : child_elements(node)) {
    auto ns = namespace_of(c);
    if (is_rss_element(c, "title")) {
      item.title = {text_of(c), Markup::kHtml};
    } else if (is_rss_element(c, "link")) {
      if (link.empty()) link = plain(c);
    } else if (is_rss_element(c, "guid")) {
      if (attribute(c, "isPermaLink") != "false") item.guid = plain(c);
    } else if (is_rss_element(c, "description")) {
      item.summary = {text_of(c), Markup::kHtml};
    } else if (is_element(c, kContentNs, "encoded")) {
      if (item.content.empty()) item.content = {text_of(c), Markup::kHtml};
    } else if (is_element(c, kXhtmlNs, "body")) {
      if (item.content.empty()) item.content = {inner_markup(c), Markup::kHtml};
    } else if (auto rank = date_rank(c)) {
      if (dates[*rank].empty()) dates[*rank] = plain(c);
    } else if (is_rss_element(c, "category") || is_element(c, kDcNs, "subject")) {
      item.topics.push_back(text_of(c));
    } else if (is_rss_element(c, "author") || is_element(c, kDcNs, "creator")) {
      if (item.author.empty()) item.author = text_of(c);
    } else if (is_rss_element(c, "source")) {
      Provider p;
      p.name = plain(c);
      p.domain = url_domain(attribute(c, "url")).value_or("");
      if (!p.name.empty() || !p.domain.empty()) item.provider = std::move(p);
    } else if (ns == kFeedburnerNs && local_name(c) == "origLink") {
      item.original_link = resolve_url(item.base, plain(c)).value_or("");
    }
  }
  for (auto& date : dates) {
    if (!date.empty()) item.dates.push_back(std::move(date));
  }
  if (link.empty()) link = atom_alternate(node);
  item.link = resolve_url(item.base, link).value_or("");
  add_item_extensions(node, item);
  collect_media_images(node, item.base, item.images);
  return item;
}

constexpr std::size_t kMaxVisitedNodes = 1'000'000;

// `foreign`: how many <item> elements were met in each namespace RSS does not use (they are not
// read, and the feed says so).
void find_items(xmlNode* root, std::vector<xmlNode*>& out,
                std::map<std::string, std::size_t>& foreign) {
  std::size_t budget = kMaxVisitedNodes;
  std::vector<xmlNode*> stack{root};
  while (!stack.empty() && budget > 0) {
    xmlNode* node = stack.back();
    stack.pop_back();
    --budget;
    if (node != root && local_name(node) == "item") {
      if (is_rss_namespace(namespace_of(node))) {
        out.push_back(node);
      } else {
        ++foreign[std::string(namespace_of(node))];
      }
    }
    auto children = child_elements(node);
    stack.insert(stack.end(), children.rbegin(), children.rend());
  }
}

}  // namespace

bool is_rss(const XmlDocument& doc) {
  auto* root = doc.root();
  return is_rss_element(root, "rss") || is_element(root, kRdfNs, "RDF");
}

ParsedFeed parse_rss(const XmlDocument& doc, const FeedContext& ctx) {
  ParsedFeed out;
  out.format = FeedFormat::kRss;
  xmlNode* root = doc.root();
  xmlNode* channel = rss_child(root, "channel");

  FeedChannel info;
  std::string base = base_of(channel ? channel : root, ctx.url);
  if (channel) {
    info.title = html_to_text(text_of(rss_child(channel, "title")), TextLayout::kOneLine).text;
    std::string site = plain(rss_child(channel, "link"));
    if (site.empty()) site = atom_alternate(channel);
    info.site_url = resolve_url(base, site).value_or("");
  }
  if (!info.title.empty()) out.title = info.title;

  // RSS 2.0 puts items in the channel and RSS 1.0 beside it; a broken feed (an unclosed tag in a
  // description) can leave an item nested in the one before, which recover mode keeps as a child.
  // So items are gathered from anywhere below the root, in document order, within a budget.
  std::vector<xmlNode*> items;
  std::map<std::string, std::size_t> foreign;
  find_items(root, items, foreign);
  for (const auto& [ns, count] : foreign) {
    out.diagnostics.push_back(Diagnostic{
        ctx.url, 0, 0, "",
        std::to_string(count) + (count == 1 ? " <item> element" : " <item> elements") +
            " in the namespace " + ns + ", which RSS does not use: not read as items",
        Severity::kWarning});
  }
  (void)doc.take_expansion_cut();  // the channel's values are not an item's fault
  for (xmlNode* node : items) {
    FeedItem item = read_item(node, base);
    item.cut_short = doc.take_expansion_cut();
    add_feed_item(out, std::move(item), info, ctx);
  }
  return out;
}

}  // namespace newsdb::net
