// Reading .json and .ndjson files of article records.
//
// A .json file holds one record object or an array of them; an .ndjson file one record per line
// (blank lines allowed). Before nlohmann builds a record, a light scanner finds where each record
// starts (so diagnostics point at its line and column) and refuses nesting beyond the limit (so
// `[[[[...` cannot make a huge tree). Every record is read independently: one bad record fails
// itself only, and the good ones are still returned.
#pragma once

#include <newsdb/document.hpp>
#include <string_view>

namespace newsdb {

// Appends the file's good records to out.articles and one diagnostic per problem (path not set)
// to out.diagnostics; counts bad records in out.failed_records.
void read_json_records(std::string_view text, InputFormat format, const ParseLimits& limits,
                       ParsedInput& out);

}  // namespace newsdb
