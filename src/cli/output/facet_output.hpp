// Facet counts (`topics`, `providers`, `categories`) in every format:
//   table  NAME, [DOMAIN,] COUNT sized to the terminal
//   tsv    a header line, then name[, domain], count per line (the default when not a terminal)
//   csv    header name[,domain],count: the table's order
//   json   [{"name": ..., "count": ...[, "domain": ...]}]   ndjson: one object per line
#pragma once

#include <newsdb/article_reader.hpp>
#include <ostream>
#include <vector>

#include "cli/output/article_output.hpp"
#include "cli/output/format.hpp"

namespace newsdb::cli {

// One entry as json/ndjson print it (`serve`'s facet endpoints use it too).
Json facet_json(const FacetCount& count, bool with_domain);

void print_facets(std::ostream& out, Format format, const std::vector<FacetCount>& counts,
                  bool with_domain, const OutputOptions& options);

}  // namespace newsdb::cli
