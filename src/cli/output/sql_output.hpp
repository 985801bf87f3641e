// Rows of `newsdb sql` in every format: table (NULL shown as NULL, blobs as their size), tsv
// (a header row first; NULL empty), csv (RFC 4180 with a header), json (one array of row objects
// for all statements), ndjson (one object per row). Blobs are hex in the other formats.
#pragma once

#include <memory>
#include <newsdb/article_reader.hpp>
#include <ostream>

#include "cli/output/article_output.hpp"
#include "cli/output/format.hpp"

namespace newsdb::cli {

class SqlOutput : public SqlRowSink {
 public:
  // Ends the output (prints a table, closes the JSON array).
  virtual void finish() = 0;
};

// A table keeps at most kMaxTableRows rows (then says so on `notes`): a terminal shows no more.
inline constexpr std::size_t kMaxTableRows = 1000;
std::unique_ptr<SqlOutput> make_sql_output(Format format, std::ostream& out, std::ostream& notes,
                                           const OutputOptions& options);

}  // namespace newsdb::cli
