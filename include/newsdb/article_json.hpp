// Articles as JSON objects in the article format's own field names (docs/format.md, "Output"): what
// `--format json/ndjson` prints, what .json/.ndjson inputs hold, and how a store may keep a record.
//
// Writing: fields in the format's order — title, excerpt, publishedDateTime
// (YYYY-MM-DDTHH:MM:SSZ), originalUrl, webUrl, ampWebUrl, cdnAmpWebUrl, category, type, quality,
// heat, published, provider {name, domain, unknown...}, topics, images [{url, width, height,
// isCached, unknown...}], related, secured, body — then the unknown fields in their input order.
// Absent optionals, empty lists and an empty provider name/domain are left out. Neither `id` nor
// the canonical URL is written: callers that want `id` add it.
//
// Reading applies the same typed-record rules as frontmatter (see README, "Article format rules");
// `id` at the top level is ignored, so an export can be imported again. All functions are pure and
// thread-safe.
#pragma once

#include <newsdb/article.hpp>
#include <newsdb/diagnostic.hpp>
#include <newsdb/document.hpp>
#include <newsdb/error.hpp>
#include <optional>
#include <vector>

namespace newsdb {

Json to_json(const Provider& provider);
Json to_json(const Image& image);
Json to_json(const RelatedArticle& related);
Json to_json(const Article& article);

// Builds an article (canonical_url set) from one JSON record. Each problem is appended to
// `diagnostics` with `field` (e.g. "related[1].provider.domain") and `message` set; `path`, `line`
// and `column` are left empty/0 for the caller, who knows where the record stood. Returns nullopt
// when the record has any error.
std::optional<Article> article_from_json(const Json& record, std::vector<Diagnostic>& diagnostics,
                                         const ParseLimits& limits = {});

// The same for callers that want only the article or the first problem (kInvalidInput, message
// "FIELD: MESSAGE"), such as a store reading back JSON it wrote.
Result<Article> article_from_json(const Json& record);
Result<RelatedArticle> related_article_from_json(const Json& record);

}  // namespace newsdb
