// How one parsed input becomes what the writer stores and what the summary counts.
#pragma once

#include <newsdb/article_writer.hpp>
#include <newsdb/document.hpp>

#include "ingest/discovery.hpp"
#include "ingest/import_pipeline.hpp"
#include "store/parsed_file.hpp"

namespace newsdb::ingest {

// The input as the store records it before parsing: path, size, mtime, content hash.
struct InputIdentity {
  std::string path;
  std::int64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string content_hash;
};

// Whether an input may be skipped without reading it: its record matches its size and mtime,
// and it neither failed last time nor was skipped where it is now named (a file without
// frontmatter is skipped in a folder walk but fails when named on the command line).
bool stat_unchanged(const std::optional<ImportRecord>& record, std::int64_t size,
                    std::int64_t mtime_ns, InputOrigin origin);
// Whether read bytes need no parsing: they hash as recorded, under the same conditions.
bool content_unchanged(const std::optional<ImportRecord>& record, const std::string& hash,
                       InputOrigin origin);

// Turns a parse result into the writer's input. A file without frontmatter met in a folder walk
// (or an archive) is skipped and its diagnostic dropped; named on the command line it failed.
ParsedFile parsed_file(const InputIdentity& id, InputOrigin origin, ParsedInput&& parsed);

// The record of an input whose bytes are unchanged: only size and mtime are refreshed.
ParsedFile unchanged_file(const InputIdentity& id, const ImportRecord& previous);

// Summary bookkeeping shared by every kind of input.
class Tally {
 public:
  explicit Tally(const ImportObserver& observer) : observer_(observer) {}

  // Counts an input the writer gets (skipped, failed, diagnostics); `failed_records` from parsing.
  void parsed(const ParsedFile& file, std::size_t failed_records);
  // Counts an input that is not read or not parsed again: its recorded articles are unchanged.
  void unchanged(const ImportRecord& record);
  // A problem outside any parsed input (a missing argument, an unreadable archive).
  void problem(const Diagnostic& d, bool counts_as_failed);
  // Inputs met (ImportProgress::inputs_total), and the end of the walk (total_known).
  void more_inputs(std::int64_t n) { progress_.inputs_total += n; }
  void all_inputs_found() { progress_.total_known = true; }
  // A piece of an input read as a stream (an archive member, a part of a large .ndjson file): the
  // first takes the input's own place in the total, each further one adds one.
  void piece_found(std::int64_t index) {
    if (index > 0) more_inputs(1);
  }
  void input_done(std::int64_t records);

  ImportSummary& summary() { return summary_; }

 private:
  void report(const Diagnostic& d);

  const ImportObserver& observer_;
  ImportSummary summary_;
  ImportProgress progress_;
};

}  // namespace newsdb::ingest
