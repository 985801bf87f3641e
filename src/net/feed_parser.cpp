// parse_feed: recognise the format from the bytes (servers' Content-Types are too often wrong to
// trust), then read it with the matching reader.
#include <libxml/HTMLparser.h>

#include <functional>

#include <newsdb/feed.hpp>
#include <nlohmann/json.hpp>

#include "net/charset.hpp"
#include "net/feed_text.hpp"
#include "net/json_feed.hpp"
#include "net/libxml_errors.hpp"
#include "net/url_parts.hpp"
#include "net/xml_document.hpp"
#include "net/xml_encoding.hpp"
#include "net/xml_feeds.hpp"

namespace newsdb {
namespace {

std::string_view skip_bom_and_space(std::string_view b) {
  if (b.starts_with("\xEF\xBB\xBF")) b.remove_prefix(3);
  while (!b.empty() && (b.front() == ' ' || b.front() == '\t' || b.front() == '\r' ||
                        b.front() == '\n')) {
    b.remove_prefix(1);
  }
  return b;
}

// Deepest nesting of JSON arrays/objects, outside strings; stops counting past `limit`.
int json_depth(std::string_view text, int limit) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

// True when the first line holds a whole JSON value and more follows: NDJSON, not one broken
// pretty-printed document.
bool first_line_is_a_value(std::string_view bytes) {
  auto start = skip_bom_and_space(bytes);
  auto end = start.find('\n');
  if (end == std::string_view::npos) return false;
  auto rest = skip_bom_and_space(start.substr(end));
  return !rest.empty() && nlohmann::json::accept(start.substr(0, end));
}

bool mentions_ndjson(const FeedContext& ctx) {
  auto ct = ctx.content_type.value_or("");
  return ct.find("ndjson") != std::string::npos || ct.find("jsonl") != std::string::npos ||
         ctx.url.ends_with(".ndjson") || ctx.url.ends_with(".jsonl");
}

Error not_a_feed(const std::string& what) { return Error{ErrorKind::kInvalidInput, what}; }

// An HTML page: say so, and point at the feed it announces when it does (<link rel=alternate>).
Error html_page(std::string_view bytes, const FeedContext& ctx) {
  std::string owned(bytes);
  net::LibxmlErrors ignored;  // a page's HTML errors are not the user's problem
  htmlDocPtr doc = htmlReadMemory(owned.data(), static_cast<int>(owned.size()), ctx.url.c_str(),
                                  nullptr, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                               HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  std::string announced;
  std::function<void(xmlNode*)> find = [&](xmlNode* n) {
    for (; n && announced.empty(); n = n->next) {
      if (n->type != XML_ELEMENT_NODE) continue;
      if (net::local_name(n) == "link" && net::attribute(n, "rel") == "alternate") {
        auto type = net::attribute(n, "type");
        if (type.find("rss") != std::string::npos || type.find("atom") != std::string::npos ||
            type.find("feed+json") != std::string::npos) {
          announced = net::resolve_url(ctx.url, net::attribute(n, "href")).value_or("");
        }
      }
      if (net::local_name(n) != "body") find(n->children);
    }
  };
  if (doc) find(xmlDocGetRootElement(doc));
  if (doc) xmlFreeDoc(doc);
  std::string message = "this is an HTML page, not a feed";
  if (!announced.empty()) message += "; it announces a feed at " + announced + ": use that URL";
  return not_a_feed(message);
}

Result<ParsedFeed> parse_xml(std::string_view bytes, const FeedContext& ctx) {
  auto head = skip_bom_and_space(bytes).substr(0, 512);
  std::string lowered;
  for (char c : head) lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lowered.starts_with("<!doctype html") || lowered.starts_with("<html")) {
    return std::unexpected(html_page(bytes, ctx));
  }
  auto charset = ctx.content_type ? net::charset_of(*ctx.content_type) : std::nullopt;
  net::XmlReadLimits limits;
  limits.value_bytes = ctx.limits.max_field_bytes;
  limits.document_bytes = ctx.limits.max_document_bytes;
  auto doc = net::XmlDocument::parse(bytes, ctx.url, charset, limits);
  if (!doc) return std::unexpected(doc.error());
  std::optional<ParsedFeed> feed;
  if (net::is_rss(*doc)) {
    feed = net::parse_rss(*doc, ctx);
  } else if (net::is_atom(*doc)) {
    feed = net::parse_atom(*doc, ctx);
  }
  if (feed) {
    // How the document was read comes before what its items say.
    std::vector<Diagnostic> notes;
    for (const auto& note : doc->notes()) {
      notes.push_back(Diagnostic{ctx.url, note.line, 0, "", note.message, Severity::kWarning});
    }
    feed->diagnostics.insert(feed->diagnostics.begin(), notes.begin(), notes.end());
    return std::move(*feed);
  }
  if (net::local_name(doc->root()) == "html") return std::unexpected(html_page(bytes, ctx));
  return std::unexpected(not_a_feed("an XML document whose root element is <" +
                                    std::string(net::local_name(doc->root())) +
                                    ">, not an RSS or Atom feed"));
}

ParsedFeed from_input(ParsedInput input, FeedFormat format) {
  ParsedFeed out;
  out.format = format;
  out.articles = std::move(input.articles);
  out.diagnostics = std::move(input.diagnostics);
  out.failed_records = input.failed_records;
  return out;
}

Result<ParsedFeed> parse_json(std::string_view bytes, const FeedContext& ctx) {
  // JSON must be UTF-8 (RFC 8259), but a server may declare and send another charset.
  std::string converted;
  auto charset = ctx.content_type ? net::charset_of(*ctx.content_type) : std::nullopt;
  if (charset && !net::is_utf8_name(*charset) && !net::is_valid_utf8(bytes)) {
    if (auto utf8 = net::to_utf8(bytes, *charset)) {
      converted = std::move(*utf8);
      bytes = converted;
    }
  }
  if (mentions_ndjson(ctx)) {
    return from_input(parse_input(bytes, ctx.url, InputFormat::kNdjson, ctx.limits),
                      FeedFormat::kArticleNdjson);
  }
  if (json_depth(bytes, ctx.limits.max_depth) <= ctx.limits.max_depth) {
    auto doc = nlohmann::json::parse(bytes, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) {
      if (first_line_is_a_value(bytes)) {
        // Several top-level values, one per line: NDJSON served without saying so.
        return from_input(parse_input(bytes, ctx.url, InputFormat::kNdjson, ctx.limits),
                          FeedFormat::kArticleNdjson);
      }
    } else if (net::is_json_feed(doc)) {
      return net::parse_json_feed(doc, ctx);
    }
  }
  // Records in the article format; parse_input reports what is wrong with them, where.
  return from_input(parse_input(bytes, ctx.url, InputFormat::kJson, ctx.limits),
                    FeedFormat::kArticleJson);
}

}  // namespace

std::string_view feed_format_name(FeedFormat format) {
  switch (format) {
    case FeedFormat::kRss: return "rss";
    case FeedFormat::kAtom: return "atom";
    case FeedFormat::kJsonFeed: return "json-feed";
    case FeedFormat::kArticleJson: return "article-json";
    case FeedFormat::kArticleNdjson: return "article-ndjson";
    case FeedFormat::kArticleDocument: return "article-document";
  }
  return "unknown";
}

Result<ParsedFeed> parse_feed(std::string_view bytes, const FeedContext& ctx) {
  if (bytes.size() > ctx.limits.max_document_bytes) {
    return std::unexpected(not_a_feed("the document is larger than " +
                                      std::to_string(ctx.limits.max_document_bytes) + " bytes"));
  }
  auto start = skip_bom_and_space(bytes);
  if (start.empty()) return std::unexpected(not_a_feed("the document is empty"));
  if (net::looks_like_wide_xml(bytes) || start.front() == '<') {
    return parse_xml(bytes, ctx);
  }
  if (start.front() == '{' || start.front() == '[') return parse_json(bytes, ctx);
  if (start.starts_with("---")) {
    return from_input(parse_input(bytes, ctx.url, InputFormat::kFrontmatter, ctx.limits),
                      FeedFormat::kArticleDocument);
  }
  std::string shown;
  for (char c : start.substr(0, 20)) {
    shown += (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F) ? '?' : c;
  }
  return std::unexpected(not_a_feed("not a feed or article document (it starts with \"" + shown +
                                    "\"); newsdb reads RSS, Atom, JSON Feed and article JSON"));
}

}  // namespace newsdb
