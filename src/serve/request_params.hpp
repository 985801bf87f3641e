// Query-string parameters to the CLI's FILTERS: the same names as the options without their
// dashes (topic, provider, category, type, since, until, min-quality, min-heat, published, text,
// sort, limit, offset; q and raw for search), the same values and the same rules (repeats of
// topic, provider, category and type are OR). The result goes through cli::to_query, so a bad
// value gets the CLI's own message.
//
// Limits a request cannot exceed (kInvalidInput naming them): kMaxParameters parameters,
// kMaxValueBytes bytes a value, limit at most kMaxLimit (limit=0, "all", is not served: page
// with offset).
#pragma once

#include <cstdint>
#include <newsdb/error.hpp>
#include <string>
#include <utility>
#include <vector>

#include "cli/filters.hpp"

namespace newsdb::serve {

inline constexpr std::size_t kMaxParameters = 64;
inline constexpr std::size_t kMaxValueBytes = 1024;
inline constexpr std::int64_t kMaxLimit = 500;

using Params = std::vector<std::pair<std::string, std::string>>;

// Which parameters an endpoint takes besides the filters.
enum class ParamSet {
  kArticles,  // FILTERS, text, sort, limit, offset
  kSearch,    // q (required, the search text), raw, FILTERS, sort, limit, offset
  kPage,      // the HTML list page: as kArticles, plus q (optional: a search when given)
  kFacet,     // FILTERS, text, limit, offset
  kStats,     // top
};

struct RequestFilters {
  cli::FilterOptions options;
  std::string top;  // kStats
};

// kInvalidInput for an unknown or repeated single-valued parameter, an empty q, or a limit
// above: messages say what to send instead.
Result<RequestFilters> read_params(const Params& params, ParamSet set);

// The Query for `filters` with the CLI's defaults for `set` (newest first, or by relevance with
// text; 20 a page), checked against kMaxLimit.
Result<Query> to_request_query(const cli::FilterOptions& filters, ParamSet set);

}  // namespace newsdb::serve
