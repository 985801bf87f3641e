// Feeds into typed articles (docs/feeds.md): RSS 2.0 (and RSS 1.0/RDF), Atom 1.0, JSON Feed
// 1.1, and documents in the article format itself (a JSON array or NDJSON of records, or one
// frontmatter document), recognised by their content.
//
// What every item goes through, whatever the format:
// - text is decoded (XML and HTML entities, CDATA), HTML is stripped from titles, excerpts and
//   bodies, and the result is valid UTF-8; documents in other charsets are converted by their
//   declared charset (the XML declaration, else the HTTP Content-Type), and a document that
//   claims UTF-8 but is not is read as Windows-1252, as browsers do;
// - links and image URLs are resolved against the document (xml:base, else its URL);
// - the provider is the item's own (RSS <source>, Atom <source>) or else the feed's: its title
//   and its site's domain;
// - identity is canonical_url() of the item's link (url.hpp), dates go through parse_date()
//   (date.hpp);
// - an item without a date gets the fetch time and the unknown field kDateSourceField =
//   "fetched"; a date more than a day after the fetch time is clamped to the fetch time, marked
//   "clamped", and warned about.
// Malformed XML is read as far as it goes (libxml2's recover mode, its complaints a warning); an
// item that cannot become an article (no link, no title) is skipped with a warning. Limits count
// bytes (ParseLimits): an item with a value over max_field_bytes, or whose entity references
// expand past what the document may hold (max_document_bytes, less the document's own size),
// fails with an error naming the limit, and the items after it are read. Pure function of its
// inputs: no I/O, thread-safe.
#pragma once

#include <newsdb/article.hpp>
#include <newsdb/diagnostic.hpp>
#include <newsdb/document.hpp>
#include <newsdb/error.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdb {

enum class FeedFormat {
  kRss,              // RSS 0.9x / 2.0, and RSS 1.0 (RDF)
  kAtom,             // Atom 1.0 (and 0.3)
  kJsonFeed,         // JSON Feed 1.0 / 1.1
  kArticleJson,      // a JSON record or array of records in the article format
  kArticleNdjson,    // NDJSON of records in the article format
  kArticleDocument,  // one article: YAML frontmatter and a Markdown body
};

// "rss", "atom", "json-feed", "article-json", "article-ndjson", "article-document".
std::string_view feed_format_name(FeedFormat format);

// The unknown field that marks an article's date as not the feed's own: "fetched" (the item had
// none) or "clamped" (it was more than a day in the future).
inline constexpr const char* kDateSourceField = "publishedDateTimeSource";

struct FeedContext {
  std::string url;          // the document's URL after redirects: base for links, diagnostics path
  Timestamp fetched_at{};   // when it was fetched: the date of undated items, "now" for clamping
  std::optional<std::string> content_type;  // as served, e.g. "text/xml; charset=ISO-8859-1"
  ParseLimits limits{};
};

struct ParsedFeed {
  FeedFormat format = FeedFormat::kRss;
  std::optional<std::string> title;     // the feed's own title, when it has one
  std::vector<Article> articles;        // in document order, each with canonical_url set
  std::vector<Diagnostic> diagnostics;  // how the document was read, skipped items, clamped
                                        // dates (warnings); errors in article-format records
                                        // and items over a limit; path = FeedContext::url
  std::size_t failed_records = 0;       // records or items that failed (a record may have
                                        // several errors; an item fails on a limit)
};

// Parses a fetched document. Fails with kInvalidInput when the bytes are not any supported
// format (empty, an HTML page, an image, an XML document that is not a feed), saying what they
// look like.
Result<ParsedFeed> parse_feed(std::string_view bytes, const FeedContext& context);

}  // namespace newsdb
