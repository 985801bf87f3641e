// libxml2 for feeds: a parsed document (recover mode, no network, no external entities), and the
// few ways feeds are read from it: elements by namespace and local name, their text with
// entities expanded under a budget, attributes, and xml:base.
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdb::net {

// Namespaces feeds use.
inline constexpr const char* kAtomNs = "http://www.w3.org/2005/Atom";
inline constexpr const char* kAtom03Ns = "http://purl.org/atom/ns#";
inline constexpr const char* kRss1Ns = "http://purl.org/rss/1.0/";
inline constexpr const char* kRdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr const char* kMediaNs = "http://search.yahoo.com/mrss/";
inline constexpr const char* kContentNs = "http://purl.org/rss/1.0/modules/content/";
inline constexpr const char* kDcNs = "http://purl.org/dc/elements/1.1/";
inline constexpr const char* kFeedburnerNs = "http://rssnamespace.org/feedburner/ext/1.0";

// Initialises libxml2 once per process (thread-safe); the readers below call it first.
void ensure_libxml_initialised();

class XmlDocument {
 public:
  // Parses `bytes` as a browser would: a declared encoding is honoured; without one, the HTTP
  // charset `http_charset` is; a document that claims (or defaults to) UTF-8 but is not valid
  // UTF-8 is read as Windows-1252. HTML named entities that XML does not define (&nbsp;, &eacute;)
  // are decoded. nullopt when nothing could be read at all.
  static std::optional<XmlDocument> parse(std::string_view bytes, const std::string& url,
                                          const std::optional<std::string>& http_charset);

  xmlNode* root() const;
  const std::string& url() const { return url_; }

 private:
  struct Free {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
  };
  std::unique_ptr<xmlDoc, Free> doc_;
  std::string url_;
};

// The element's local name, or "" for anything else.
std::string_view local_name(const xmlNode* node);
// Its namespace URI, or "" when it has none.
std::string_view namespace_of(const xmlNode* node);

// True when `node` is an element named `name` in namespace `ns` ("" = no namespace).
bool is_element(const xmlNode* node, std::string_view ns, std::string_view name);

// The element children of `parent`, in order.
std::vector<xmlNode*> child_elements(const xmlNode* parent);

// The first child element named `name` in one of `namespaces`; null when none.
xmlNode* first_child(const xmlNode* parent, std::initializer_list<std::string_view> namespaces,
                     std::string_view name);

// The text of `node` and its descendants: text, CDATA, and internal entities expanded, with at
// most `max_nodes` nodes visited (entity bombs stop there). Raw: not trimmed, may hold markup
// text from CDATA.
std::string text_of(const xmlNode* node, std::size_t max_nodes = 100'000);

// The children of `node` serialised back to markup (for Atom's type="xhtml").
std::string inner_markup(const xmlNode* node);

// The attribute's value ("" when absent). `ns` null for an unqualified attribute.
std::string attribute(const xmlNode* node, const char* name, const char* ns = nullptr);

// The node's base URI: xml:base attributes on it and its ancestors resolved against the
// document's URL.
std::string base_of(const xmlNode* node, const std::string& document_url);

// The source line of `node` (0 when unknown).
int line_of(const xmlNode* node);

}  // namespace newsdb::net
