// How `sources list` and `fetch` show sources: a table for people, JSON for scripts.
#pragma once

#include <iosfwd>
#include <newsdb/article.hpp>
#include <newsdb/source_registry.hpp>
#include <vector>

namespace newsdb::cli {

// [{"id", "url", "title", "every", "everySeconds", "lastFetchAt", "lastStatus", "lastNewItems",
//   "errorCount", "lastError", "nextDueAt", "etag", "lastModified", "createdAt"}]; absent values
// are null, times are YYYY-MM-DDTHH:MM:SSZ.
Json sources_to_json(const std::vector<Source>& sources);

// One row per source: URL, EVERY, LAST FETCH, STATUS, NEW, ERRORS, NEXT DUE, LAST ERROR, with
// times relative to `now`. `width` > 0 shortens URL and LAST ERROR to fit a terminal that wide.
void print_sources_table(const std::vector<Source>& sources, Timestamp now, int width,
                         std::ostream& out);

// "5m ago" / "in 25m" / "now": the distance from `now` to `t` in its largest unit.
std::string relative_time(Timestamp t, Timestamp now);

}  // namespace newsdb::cli
