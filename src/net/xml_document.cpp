#include "net/xml_document.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/entities.h>
#include <libxml/parser.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <mutex>

#include "net/charset.hpp"
#include "net/feed_text.hpp"
#include "net/url_parts.hpp"

namespace newsdb::net {
namespace {

// NONET: never fetch a DTD or entity; no NOENT/DTDLOAD: external entities are never read from
// disk either (a feed cannot make us read /etc/passwd). Recover: read broken feeds as far as
// they go, as browsers do. libxml2's own limits (no XML_PARSE_HUGE) bound depth and sizes.
constexpr int kXmlOptions = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                            XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;

// The encoding named by the XML declaration, if the document starts with one.
std::optional<std::string> declared_encoding(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (!bytes.starts_with("<?xml")) return std::nullopt;
  auto end = bytes.find("?>");
  auto decl = bytes.substr(0, std::min(end, std::size_t{300}));
  auto at = decl.find("encoding");
  if (at == std::string_view::npos) return std::nullopt;
  auto quote = decl.find_first_of("\"'", at);
  if (quote == std::string_view::npos) return std::nullopt;
  auto close = decl.find(decl[quote], quote + 1);
  if (close == std::string_view::npos) return std::nullopt;
  return std::string(decl.substr(quote + 1, close - quote - 1));
}

bool starts_with_utf16_or_32(std::string_view b) {
  return b.starts_with("\xFF\xFE") || b.starts_with("\xFE\xFF") ||
         (b.size() >= 2 && (b[0] == '\0' || b[1] == '\0'));
}

// `&name;` for HTML entities XML does not predefine become `&#N;`, so libxml2 neither drops them
// nor (in recover mode) loses the predefined ones that follow an undefined one.
std::string decode_html_entity_names(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  std::size_t i = 0;
  while (i < bytes.size()) {
    auto amp = bytes.find('&', i);
    if (amp == std::string_view::npos) break;
    out.append(bytes.substr(i, amp - i));
    std::size_t j = amp + 1;
    while (j < bytes.size() && j - amp <= 32 && std::isalnum(static_cast<unsigned char>(bytes[j]))) {
      ++j;
    }
    std::string name(bytes.substr(amp + 1, j - amp - 1));
    bool named = j < bytes.size() && bytes[j] == ';' && !name.empty() &&
                 std::isalpha(static_cast<unsigned char>(name[0]));
    bool xml_own = name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos";
    const htmlEntityDesc* entity =
        named && !xml_own ? htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()))
                          : nullptr;
    if (entity) {
      out += "&#" + std::to_string(entity->value) + ";";
      i = j + 1;
    } else {
      out += '&';
      i = amp + 1;
    }
  }
  out.append(bytes.substr(std::min(i, bytes.size())));
  return out;
}

void collect_text(const xmlNode* node, std::string& out, std::size_t& budget) {
  for (; node && budget > 0; node = node->next) {
    --budget;
    switch (node->type) {
      case XML_TEXT_NODE:
      case XML_CDATA_SECTION_NODE:
        if (node->content) out += reinterpret_cast<const char*>(node->content);
        break;
      case XML_ELEMENT_NODE:
        collect_text(node->children, out, budget);
        break;
      case XML_ENTITY_REF_NODE: {
        // Without entity substitution the reference points at its declaration; only internal
        // entities have content (external ones are never loaded).
        auto* entity = reinterpret_cast<const xmlEntity*>(node->children);
        if (entity && entity->etype == XML_INTERNAL_GENERAL_ENTITY) {
          collect_text(entity->children, out, budget);
        }
        break;
      }
      default:
        break;
    }
  }
}

}  // namespace

void ensure_libxml_initialised() {
  // libxml2 wants its global state set up before threads use it.
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

std::optional<XmlDocument> XmlDocument::parse(std::string_view bytes, const std::string& url,
                                              const std::optional<std::string>& http_charset) {
  ensure_libxml_initialised();
  std::optional<std::string> encoding;
  auto declared = declared_encoding(bytes);
  bool wide = starts_with_utf16_or_32(bytes);
  if (!wide) {
    bool claims_utf8 = declared ? is_utf8_name(*declared)
                                : !http_charset || is_utf8_name(*http_charset);
    if (claims_utf8 && !is_valid_utf8(bytes)) {
      encoding = "WINDOWS-1252";
    } else if (!declared && http_charset && !is_utf8_name(*http_charset)) {
      encoding = *http_charset;
    }
  }
  std::string text = wide || bytes.find("<!ENTITY") != std::string_view::npos
                         ? std::string(bytes)
                         : decode_html_entity_names(bytes);
  XmlDocument out;
  out.url_ = url;
  out.doc_.reset(xmlReadMemory(text.data(), static_cast<int>(text.size()), url.c_str(),
                               encoding ? encoding->c_str() : nullptr, kXmlOptions));
  if (!out.doc_ && encoding) {
    // An encoding libxml2 does not know: read it as declared instead.
    out.doc_.reset(xmlReadMemory(text.data(), static_cast<int>(text.size()), url.c_str(), nullptr,
                                 kXmlOptions));
  }
  if (!out.doc_ || !xmlDocGetRootElement(out.doc_.get())) return std::nullopt;
  return out;
}

xmlNode* XmlDocument::root() const { return xmlDocGetRootElement(doc_.get()); }

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
  std::size_t budget = max_nodes;
  collect_text(node->children, out, budget);
  return out;
}

std::string inner_markup(const xmlNode* node) {
  std::string out;
  if (!node) return out;
  xmlBuffer* buf = xmlBufferCreate();
  if (!buf) return out;
  for (xmlNode* c = node->children; c; c = c->next) xmlNodeDump(buf, node->doc, c, 0, 0);
  out.assign(reinterpret_cast<const char*>(xmlBufferContent(buf)),
             static_cast<std::size_t>(xmlBufferLength(buf)));
  xmlBufferFree(buf);
  return out;
}

std::string attribute(const xmlNode* node, const char* name, const char* ns) {
  if (!node) return {};
  xmlChar* value = ns ? xmlGetNsProp(node, BAD_CAST name, BAD_CAST ns)
                      : xmlGetNoNsProp(node, BAD_CAST name);
  if (!value) return {};
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

std::string base_of(const xmlNode* node, const std::string& document_url) {
  // xmlNodeGetBase already resolves nested xml:base values against each other and the
  // document URL given to the parser.
  xmlChar* base = node ? xmlNodeGetBase(node->doc, node) : nullptr;
  if (!base) return document_url;
  std::string value(reinterpret_cast<const char*>(base));
  xmlFree(base);
  return resolve_url(document_url, value).value_or(document_url);
}

int line_of(const xmlNode* node) {
  if (!node) return 0;
  long line = xmlGetLineNo(node);
  return line > 0 && line < 1'000'000'000 ? static_cast<int>(line) : 0;
}

}  // namespace newsdb::net
