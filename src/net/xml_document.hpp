// libxml2 for feeds: a parsed document (recover mode, no network, no external entities), and the
// few ways feeds are read from it: elements by namespace and local name, their text with
// entities expanded under byte limits, attributes, and xml:base.
#pragma once

#include <libxml/tree.h>

#include <cstddef>
#include <memory>
#include <newsdb/error.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "net/libxml_errors.hpp"

namespace newsdb::net {

// Namespaces feeds use.
inline constexpr const char* kAtomNs = "http://www.w3.org/2005/Atom";
inline constexpr const char* kAtom03Ns = "http://purl.org/atom/ns#";
inline constexpr const char* kRss1Ns = "http://purl.org/rss/1.0/";
inline constexpr const char* kRss090Ns = "http://my.netscape.com/rdf/simple/0.9/";
inline constexpr const char* kRssUserlandNs = "http://backend.userland.com/rss2";
inline constexpr const char* kRssUserland091Ns = "http://backend.userland.com/rss";
inline constexpr const char* kRdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr const char* kMediaNs = "http://search.yahoo.com/mrss/";
inline constexpr const char* kContentNs = "http://purl.org/rss/1.0/modules/content/";
inline constexpr const char* kDcNs = "http://purl.org/dc/elements/1.1/";
inline constexpr const char* kDcTermsNs = "http://purl.org/dc/terms/";
inline constexpr const char* kXhtmlNs = "http://www.w3.org/1999/xhtml";
inline constexpr const char* kItunesNs = "http://www.itunes.com/dtds/podcast-1.0.dtd";
inline constexpr const char* kFeedburnerNs = "http://rssnamespace.org/feedburner/ext/1.0";

// Initialises libxml2 once per process (thread-safe); the readers below call it first.
void ensure_libxml_initialised();

// What reading values out of one document may cost. Every value read (text_of, inner_markup,
// attribute) is cut just past `value_bytes`, so that a caller sees it is over the per-value
// limit; entity references may expand the document to at most `document_bytes` in all: its own
// bytes, and what every reference of every value read adds.
struct XmlReadLimits {
  std::size_t value_bytes = 1u << 20;
  std::size_t document_bytes = 16u << 20;
};

class XmlDocument {
 public:
  // Parses `bytes` as feed readers do: the encoding found as xml_encoding.hpp says, references
  // repaired as xml_references.hpp says (a bare `&` is text), then libxml2 in recover mode with
  // its reports caught (LibxmlErrors). Fails, with libxml2's first complaint, when nothing could
  // be read at all.
  static Result<XmlDocument> parse(std::string_view bytes, const std::string& url,
                                   const std::optional<std::string>& http_charset,
                                   XmlReadLimits limits = {});

  XmlDocument(XmlDocument&&) noexcept = default;
  XmlDocument& operator=(XmlDocument&&) noexcept = default;

  xmlNode* root() const;
  const std::string& url() const { return url_; }

  // How the document was read, where that loses or guesses something, for warnings: labels not
  // used, bytes with no character, the first well-formedness error and how many there were.
  const std::vector<XmlProblem>& notes() const { return notes_; }

  // Why a value read since the last call is incomplete (entity expansion went past
  // XmlReadLimits::document_bytes), and clears it; nullopt when nothing was cut that way.
  std::optional<std::string> take_expansion_cut() const;

  // What text_of and friends charge against; reached from any node through its document.
  struct Budget {
    XmlReadLimits limits;
    std::size_t expansion_left = 0;
    std::optional<std::string> cut;
  };

 private:
  XmlDocument() = default;
  struct Free {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
  };
  std::unique_ptr<xmlDoc, Free> doc_;
  std::unique_ptr<Budget> budget_;  // doc_->_private points here: stable when moved
  std::string url_;
  std::vector<XmlProblem> notes_;
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
// most `max_nodes` nodes visited and the document's XmlReadLimits charged. Raw: not trimmed, may
// hold markup text from CDATA.
std::string text_of(const xmlNode* node, std::size_t max_nodes = 100'000);

// The children of `node` serialised back to markup (for Atom's type="xhtml"); references stay
// references. Cut past the per-value limit like text_of.
std::string inner_markup(const xmlNode* node);

// The attribute's value ("" when absent), entities expanded under the limits like text_of.
// `ns` null for an unqualified attribute.
std::string attribute(const xmlNode* node, const char* name, const char* ns = nullptr);

// The node's base URI: xml:base attributes on its ancestors and on it resolved, outermost first,
// against the document's URL (`document_url` when the document has none).
std::string base_of(const xmlNode* node, const std::string& document_url);

// The source line of `node` (0 when unknown).
int line_of(const xmlNode* node);

}  // namespace newsdb::net
