// FILTERS (docs/cli.md): the options `query`, `search`, `export` and the facet commands share, as a
// plain struct that CLI11 fills, and its translation into a Query.
//
//   -t/--topic T -p/--provider P --category C --type T   repeatable: repeats OR, different
//                               filters AND
//   --since DATE --until DATE   2024-01-31 (a whole day: --until includes it to 23:59:59),
//                               2024-01 (a month) and 2024 (a year) likewise,
//                               2024-01-31T08:00:00+01:00 or any date the article format takes,
//                               or a span ago: 30m, 24h, 7d, 2w
//   --min-quality N --min-heat N --published yes|no --text QUERY
//   --sort newest|oldest|heat|quality|relevance -n/--limit N (0 = all) --offset N
//   --count --collapse (query, search) -f/--format F
//
// Relative dates count back from a `now` the caller passes in, so tests fix the clock.
#pragma once

#include <cstdint>
#include <newsdb/error.hpp>
#include <newsdb/query.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace newsdb::cli {

struct FilterOptions {
  std::vector<std::string> topics;
  std::vector<std::string> providers;
  std::vector<std::string> categories;
  std::vector<std::string> types;
  std::string since;  // "" = not given (as for every string below)
  std::string until;
  std::string min_quality;
  std::string min_heat;
  std::string published;
  std::string text;
  bool raw = false;  // `search --raw`: text is FTS5 syntax
  std::string sort;
  std::string limit;
  std::string offset;
  std::string format;
  bool count = false;  // --count: only the number of matches
  bool collapse = false;  // --collapse (query, search): one row per story
};

// Which of the shared options a command takes besides the filters themselves.
enum class FilterParts {
  kFacet,   // topics, providers, categories: filters, --text, --limit, --offset, --format
  kList,    // query: filters, --text, --sort, --limit, --offset, --count, --format
  kSearch,  // search: as kList but the text is the command's argument (added by the command)
  kExport,  // export: as kList without --count
  kStats,   // stats: filters, --text and --format only
};

struct QueryDefaults {
  SortOrder sort = SortOrder::kNewest;
  std::int64_t limit = 20;
};

// Adds the options; `defaults` are what --help shows for --sort and --limit.
void add_filter_options(CLI::App& command, FilterOptions& options, FilterParts parts,
                        std::string_view format_help, QueryDefaults defaults = {});

// The Query the options ask for. kInvalidInput with a message naming the option and what to type
// for any value that does not read (an unknown sort, a bad date, a negative limit, ...).
Result<Query> to_query(const FilterOptions& options, Timestamp now, QueryDefaults defaults = {});

// The wall clock, to whole seconds: what commands pass as `now`.
Timestamp current_time();

// One --since/--until value. `end_of_day`: a date without a time means its last second.
Result<Timestamp> parse_when(std::string_view text, Timestamp now, bool end_of_day);

}  // namespace newsdb::cli
