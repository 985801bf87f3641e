#include "net/html_text.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "net/feed_text.hpp"
#include "net/libxml_errors.hpp"
#include "net/xml_document.hpp"

namespace newsdb::net {
namespace {

// Separators written into the raw text while walking, resolved at the end (they are control
// characters that sanitize_utf8 keeps and no decoded entity yields here: the walk drops C0
// controls from text).
constexpr char kParagraph = '\x1E';
constexpr char kLine = '\x1F';

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

bool is_block(std::string_view name) {
  static const std::set<std::string_view> kBlocks = {
      "p",      "div",  "section", "article", "header", "footer",     "aside", "nav",
      "ul",     "ol",   "li",      "dl",      "dt",     "dd",         "table", "tr",
      "h1",     "h2",   "h3",      "h4",      "h5",     "h6",         "pre",   "blockquote",
      "figure", "hr",   "form",    "main",    "figcaption", "address", "details", "summary"};
  return kBlocks.contains(name);
}

bool is_skipped(std::string_view name) {
  return name == "script" || name == "style" || name == "noscript" || name == "template" ||
         name == "head" || name == "iframe" || name == "object";
}

class Walker {
 public:
  Walker(std::size_t max_nodes) : budget_(max_nodes) {}

  void walk(xmlNode* node) {
    for (; node && budget_ > 0; node = node->next) {
      --budget_;
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
        append_text(reinterpret_cast<const char*>(node->content));
      } else if (node->type == XML_ELEMENT_NODE) {
        std::string_view name(reinterpret_cast<const char*>(node->name));
        if (is_skipped(name)) continue;
        if (name == "br") {
          raw_ += kLine;
          continue;
        }
        if (name == "img" && !out_.first_image) {
          if (xmlChar* src = xmlGetProp(node, BAD_CAST "src")) {
            out_.first_image = reinterpret_cast<const char*>(src);
            xmlFree(src);
          }
        }
        bool block = is_block(name);
        if (block) raw_ += kParagraph;
        walk(node->children);
        if (block) raw_ += kParagraph;
        if (name == "td" || name == "th") raw_ += ' ';
      }
    }
  }

  HtmlText finish(TextLayout layout) {
    out_.text = layout == TextLayout::kOneLine ? one_line() : paragraphs();
    return std::move(out_);
  }

 private:
  void append_text(const char* text) {
    if (!text) return;
    for (const char* p = text; *p; ++p) {
      unsigned char c = static_cast<unsigned char>(*p);
      raw_ += (c < 0x20 && c != '\n' && c != '\t' && c != '\r') ? ' ' : *p;
    }
  }

  std::string one_line() {
    for (auto& c : raw_) {
      if (c == kParagraph || c == kLine) c = ' ';
    }
    return sanitize_utf8(collapse_whitespace(raw_));
  }

  std::string paragraphs() {
    std::string out;
    std::string para;
    std::vector<std::string> lines;
    auto flush_para = [&] {
      std::string joined;
      for (auto& l : lines) {
        auto t = collapse_whitespace(l);
        if (t.empty()) continue;
        if (!joined.empty()) joined += '\n';
        joined += t;
      }
      lines.clear();
      if (joined.empty()) return;
      if (!out.empty()) out += "\n\n";
      out += joined;
    };
    std::string line;
    for (char c : raw_) {
      if (c == kLine) {
        lines.push_back(std::move(line));
        line.clear();
      } else if (c == kParagraph) {
        lines.push_back(std::move(line));
        line.clear();
        flush_para();
      } else {
        line += c;
      }
    }
    lines.push_back(std::move(line));
    flush_para();
    return sanitize_utf8(out);
  }

  std::size_t budget_;
  std::string raw_;
  HtmlText out_;
};

}  // namespace

HtmlText html_to_text(std::string_view html, TextLayout layout, std::size_t max_nodes) {
  if (html.find_first_of("<&") == std::string_view::npos) {
    // Plain text: only whitespace to tidy; blank lines still separate paragraphs.
    HtmlText out;
    if (layout == TextLayout::kOneLine) {
      out.text = sanitize_utf8(collapse_whitespace(html));
      return out;
    }
    std::string_view rest = html;
    while (!rest.empty()) {
      auto blank = rest.find("\n\n");
      auto para = collapse_whitespace(rest.substr(0, blank));
      if (!para.empty()) out.text += (out.text.empty() ? "" : "\n\n") + para;
      if (blank == std::string_view::npos) break;
      rest.remove_prefix(blank + 2);
    }
    out.text = sanitize_utf8(out.text);
    return out;
  }
  std::string owned(html);
  LibxmlErrors ignored;  // HTML in descriptions is often broken, and that is no one's problem
  std::unique_ptr<xmlDoc, DocFree> doc(htmlReadMemory(
      owned.data(), static_cast<int>(owned.size()), nullptr, "UTF-8",
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
  Walker w(max_nodes);
  if (doc) w.walk(xmlDocGetRootElement(doc.get()));
  return w.finish(layout);
}

}  // namespace newsdb::net
