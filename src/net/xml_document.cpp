#include "net/xml_document.hpp"

#include <libxml/entities.h>
#include <libxml/parser.h>

#include <algorithm>
#include <mutex>
#include <utility>

#include "net/feed_text.hpp"
#include "net/url_parts.hpp"
#include "net/xml_encoding.hpp"
#include "net/xml_references.hpp"

namespace newsdb::net {
namespace {

// NONET: never fetch a DTD or entity; no NOENT/DTDLOAD: external entities are never read from
// disk either (a feed cannot make us read /etc/passwd), and internal ones stay references that
// text_of expands under the document's budget. Recover: read broken feeds as far as they go, as
// browsers do. IGNORE_ENC: the text handed over is UTF-8 whatever its declaration says
// (xml_encoding.hpp decided). libxml2's own limits (no XML_PARSE_HUGE) bound depth and sizes;
// its reports go to LibxmlErrors, not stderr.
constexpr int kXmlOptions =
    XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_IGNORE_ENC;

XmlDocument::Budget* budget_of(const xmlNode* node) {
  return node && node->doc ? static_cast<XmlDocument::Budget*>(node->doc->_private) : nullptr;
}


// Appends `text` to `out` within the limits; false when it stopped (cut past the per-value
// limit, or out of expansion budget).
bool append_within(std::string& out, const char* text, bool expanded, XmlDocument::Budget* budget) {
  std::string_view piece(text ? text : "");
  if (!budget) {
    out += piece;
    return true;
  }
  std::size_t room =
      budget->limits.value_bytes + 1 - std::min(out.size(), budget->limits.value_bytes + 1);
  bool fits = piece.size() <= room;
  if (expanded) {
    std::size_t charged = std::min(piece.size(), room);
    if (charged > budget->expansion_left) {
      if (!budget->cut) {
        budget->cut = "entity references expand past the " +
                      size_text(budget->limits.document_bytes) + " a document may hold";
      }
      budget->expansion_left = 0;
      return false;
    }
    budget->expansion_left -= charged;
  }
  out += piece.substr(0, room);
  return fits;
}

// Returns false when a limit stopped it.
bool collect_text(const xmlNode* node, std::string& out, std::size_t& nodes_left, bool expanded,
                  XmlDocument::Budget* budget) {
  for (; node; node = node->next) {
    if (nodes_left == 0) return false;
    --nodes_left;
    switch (node->type) {
      case XML_TEXT_NODE:
      case XML_CDATA_SECTION_NODE:
        if (!append_within(out, reinterpret_cast<const char*>(node->content), expanded, budget)) {
          return false;
        }
        break;
      case XML_ELEMENT_NODE:
        if (!collect_text(node->children, out, nodes_left, expanded, budget)) return false;
        break;
      case XML_ENTITY_REF_NODE: {
        // Without entity substitution the reference points at its declaration; only internal
        // entities have content (external ones are never loaded).
        auto* entity = reinterpret_cast<const xmlEntity*>(node->children);
        if (entity && entity->etype == XML_INTERNAL_GENERAL_ENTITY &&
            !collect_text(entity->children, out, nodes_left, true, budget)) {
          return false;
        }
        break;
      }
      default:
        break;
    }
  }
  return true;
}

std::string problems_note(const LibxmlErrors& errors) {
  const auto& first = errors.problems().front();
  std::string note = "the XML is not well-formed; read as far as it goes (" + first.message;
  if (errors.count() > 1) note += "; " + std::to_string(errors.count() - 1) + " more problems";
  return note + ")";
}

}  // namespace

void ensure_libxml_initialised() {
  // libxml2 wants its global state set up before threads use it.
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

Result<XmlDocument> XmlDocument::parse(std::string_view bytes, const std::string& url,
                                       const std::optional<std::string>& http_charset,
                                       XmlReadLimits limits) {
  ensure_libxml_initialised();
  auto decoded = decode_xml(bytes, http_charset);
  std::string text = repair_references(decoded.text);

  XmlDocument out;
  out.url_ = url;
  for (auto& label : decoded.ignored_labels) {
    out.notes_.push_back(XmlProblem{0, std::move(label) + "; read as " + decoded.encoding});
  }
  if (decoded.replaced > 0) {
    out.notes_.push_back(XmlProblem{0, std::to_string(decoded.replaced) +
                                           (decoded.replaced == 1 ? " byte has" : " bytes have") +
                                           " no character in " + decoded.encoding +
                                           "; read as U+FFFD"});
  }
  LibxmlErrors errors;
  out.doc_.reset(
      xmlReadMemory(text.data(), static_cast<int>(text.size()), url.c_str(), nullptr, kXmlOptions));
  if (!out.doc_ || !xmlDocGetRootElement(out.doc_.get())) {
    std::string why = "the XML could not be read at all";
    if (errors.count() > 0)
      why += " (line " + std::to_string(errors.problems().front().line) + ": " +
             errors.problems().front().message + ")";
    return fail(ErrorKind::kInvalidInput, why);
  }
  if (errors.count() > 0) {
    out.notes_.push_back(XmlProblem{errors.problems().front().line, problems_note(errors)});
  }
  out.budget_ = std::make_unique<Budget>();
  out.budget_->limits = limits;
  out.budget_->expansion_left =
      limits.document_bytes - std::min(limits.document_bytes, bytes.size());
  out.doc_->_private = out.budget_.get();
  return out;
}

std::optional<std::string> XmlDocument::take_expansion_cut() const {
  return std::exchange(budget_->cut, std::nullopt);
}

xmlNode* XmlDocument::root() const {
  return xmlDocGetRootElement(doc_.get());
}

std::string_view local_name(const xmlNode* node) {
  if (!node || node->type != XML_ELEMENT_NODE || !node->name) return {};
  return reinterpret_cast<const char*>(node->name);
}

std::string_view namespace_of(const xmlNode* node) {
  if (!node || !node->ns || !node->ns->href) return {};
  return reinterpret_cast<const char*>(node->ns->href);
}

bool is_element(const xmlNode* node, std::string_view ns, std::string_view name) {
  return local_name(node) == name && namespace_of(node) == ns;
}

std::vector<xmlNode*> child_elements(const xmlNode* parent) {
  std::vector<xmlNode*> out;
  if (!parent) return out;
  for (xmlNode* c = parent->children; c; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) out.push_back(c);
  }
  return out;
}

xmlNode* first_child(const xmlNode* parent, std::initializer_list<std::string_view> namespaces,
                     std::string_view name) {
  if (!parent) return nullptr;
  for (xmlNode* c = parent->children; c; c = c->next) {
    if (local_name(c) != name) continue;
    auto ns = namespace_of(c);
    if (std::find(namespaces.begin(), namespaces.end(), ns) != namespaces.end()) return c;
  }
  return nullptr;
}

std::string text_of(const xmlNode* node, std::size_t max_nodes) {
  std::string out;
  if (!node) return out;
  std::size_t nodes_left = max_nodes;
  collect_text(node->children, out, nodes_left, false, budget_of(node));
  return out;
}

std::string inner_markup(const xmlNode* node) {
  std::string out;
  if (!node) return out;
  xmlBuffer* buf = xmlBufferCreate();
  if (!buf) return out;
  auto* budget = budget_of(node);
  std::size_t cap = budget ? budget->limits.value_bytes : std::size_t(-1);
  for (xmlNode* c = node->children; c && static_cast<std::size_t>(xmlBufferLength(buf)) <= cap;
       c = c->next) {
    xmlNodeDump(buf, node->doc, c, 0, 0);
  }
  out.assign(reinterpret_cast<const char*>(xmlBufferContent(buf)),
             std::min(static_cast<std::size_t>(xmlBufferLength(buf)),
                      cap == std::size_t(-1) ? cap : cap + 1));
  xmlBufferFree(buf);
  return out;
}

std::string attribute(const xmlNode* node, const char* name, const char* ns) {
  // Not xmlGetProp: it expands entity references without a limit.
  if (!node || node->type != XML_ELEMENT_NODE) return {};
  xmlAttr* attr = xmlHasNsProp(node, BAD_CAST name, ns ? BAD_CAST ns : nullptr);
  if (!attr || attr->type != XML_ATTRIBUTE_NODE) return {};  // not a default from a DTD
  std::string out;
  std::size_t nodes_left = 100'000;
  collect_text(attr->children, out, nodes_left, false, budget_of(node));
  return out;
}

std::string base_of(const xmlNode* node, const std::string& document_url) {
  // Not xmlNodeGetBase: it reads xml:base with xmlGetProp (see attribute()).
  std::vector<std::string> bases;
  for (const xmlNode* n = node; n && n->type == XML_ELEMENT_NODE && bases.size() < 64;
       n = n->parent) {
    if (auto value = attribute(n, "base", reinterpret_cast<const char*>(XML_XML_NAMESPACE));
        !value.empty()) {
      bases.push_back(std::move(value));
    }
  }
  // The chain starts at the document's own URL (which the parser was given), so that a caller
  // passing an ancestor's base does not apply that ancestor's xml:base twice.
  std::string base = node && node->doc && node->doc->URL
                         ? reinterpret_cast<const char*>(node->doc->URL)
                         : document_url;
  for (auto it = bases.rbegin(); it != bases.rend(); ++it) {
    base = resolve_url(base, *it).value_or(base);
  }
  return base;
}

int line_of(const xmlNode* node) {
  if (!node) return 0;
  long line = xmlGetLineNo(node);
  return line > 0 && line < 1'000'000'000 ? static_cast<int>(line) : 0;
}

}  // namespace newsdb::net
