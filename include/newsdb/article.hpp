// The typed article: what every input format (frontmatter files, JSON records, feeds) is turned
// into, what the store keeps, and what every output format is made from.
//
// Field names follow the article format (docs/format.md) (camelCase keys map to snake_case members).
// Optional fields are std::optional so that "absent" and "empty"/"zero" stay distinct and an
// export -> import round trip gives back exactly what was read. Fields the format does not name are
// kept, in their original order, as JSON values in `extra` at every level.
#pragma once

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace newsdb {

// Insertion-ordered JSON, so unknown fields come back in the order they were written.
using Json = nlohmann::ordered_json;

// Instants are whole seconds, UTC (docs/format.md: printed as YYYY-MM-DDTHH:MM:SSZ).
using Timestamp = std::chrono::sys_seconds;

struct Provider {
  std::string name;
  std::string domain;
  Json extra = Json::object();  // unknown provider fields (e.g. its `images`)

  friend bool operator==(const Provider&, const Provider&) = default;
};

struct Image {
  std::string url;
  std::optional<std::int64_t> width;   // >= 0
  std::optional<std::int64_t> height;  // >= 0
  std::optional<bool> is_cached;
  Json extra = Json::object();  // unknown image fields (e.g. `title`)

  friend bool operator==(const Image&, const Image&) = default;
};

// Everything an article and a related entry have in common ("same fields as an article, minus
// related").
struct ArticleFields {
  std::string title;
  std::optional<std::string> excerpt;
  std::optional<Timestamp> published_date_time;
  std::optional<std::string> original_url;
  std::optional<std::string> web_url;
  std::optional<std::string> amp_web_url;
  std::optional<std::string> cdn_amp_web_url;
  std::optional<std::string> category;
  std::optional<std::string> type;
  std::optional<std::int64_t> quality;
  std::optional<std::int64_t> heat;
  std::optional<bool> published;
  std::optional<Provider> provider;
  std::vector<std::string> topics;
  std::vector<Image> images;
  std::optional<std::string> secured;  // opaque, byte for byte
  Json extra = Json::object();         // unknown fields, in input order

  // originalUrl, else webUrl: the URL the identity is computed from. Empty when neither is set.
  const std::string& primary_url() const;

  friend bool operator==(const ArticleFields&, const ArticleFields&) = default;
};

struct RelatedArticle : ArticleFields {
  friend bool operator==(const RelatedArticle&, const RelatedArticle&) = default;
};

struct Article : ArticleFields {
  std::vector<RelatedArticle> related;
  std::optional<std::string> body;  // the Markdown after the frontmatter; absent when none
  // The identity (see url.hpp): derived from primary_url() by the parser; never empty in a valid
  // article.
  std::string canonical_url;

  friend bool operator==(const Article&, const Article&) = default;
};

}  // namespace newsdb
