// What a user asks of the store: filters, sort order and paging (docs/commands.md, "Filters").
#pragma once

#include <cstdint>
#include <newsdb/article.hpp>
#include <optional>
#include <string>
#include <vector>

namespace newsdb {

enum class TextSyntax {
  kWords,  // the user's words, each quoted: punctuation is never FTS syntax
  kRaw,    // passed to the full-text engine as written (`search --raw`)
};

// Repeats of one filter are OR, different filters AND. Names (topic, provider, category, type)
// match ignoring case; a provider matches by name or by domain.
struct Filter {
  std::vector<std::string> topics;
  std::vector<std::string> providers;
  std::vector<std::string> categories;
  std::vector<std::string> types;
  std::optional<Timestamp> since;  // inclusive
  std::optional<Timestamp> until;  // inclusive
  std::optional<std::int64_t> min_quality;
  std::optional<std::int64_t> min_heat;
  std::optional<bool> published;
  std::optional<std::string> text;  // full-text query over title, excerpt, body and topics
  TextSyntax text_syntax = TextSyntax::kWords;
};

enum class SortOrder { kNewest, kOldest, kHeat, kQuality, kRelevance };

// How much of each matching article a listing needs. kListing lets the store leave `images` and
// `related` empty (a list printed as a table, CSV, TSV or URLs never shows them, and reading them
// back is about a third of what a newest-20 query costs); everything else is filled either way.
enum class Detail { kWhole, kListing };

struct Query {
  Filter filter;
  SortOrder sort = SortOrder::kNewest;  // kRelevance needs filter.text
  std::int64_t limit = 20;              // 0 = all
  std::int64_t offset = 0;
  Detail detail = Detail::kWhole;
};

}  // namespace newsdb
