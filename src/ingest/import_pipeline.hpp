// `newsdb import` as a library call: discovery -> stat-skip -> parsing on worker threads in
// input order -> one writer committing large batches (docs/import.md).
//
//   inputs (InputWalk) ──────► skip rules ──► parse pool (N threads, in order) ──► batches
//   archives (ArchiveReader) ─┘   (size+mtime,    large .ndjson / stdin cut in parts    │
//   URLs (fetch_url_inputs) ──┘    content hash)                                       ▼
//                                                                     BatchWriter thread: one
//                                                                     transaction per few
//                                                                     batches
//
// What is skipped: an input whose path, size and mtime match its import record, and that did not
// fail last time, is not read (its recorded articles count as unchanged); one whose bytes hash
// as recorded is read but not parsed. Failed inputs are always retried.
//
// Counting: `added`, `updated`, `unchanged` are article records (see WriteCounts); `skipped` is
// inputs that are not articles (files without frontmatter met in a folder walk); `failed` is
// records that failed (a bad file is one, a bad NDJSON line is one) plus inputs that could not
// be read at all.
#pragma once

#include <cstdint>
#include <functional>
#include <newsdb/article_writer.hpp>
#include <newsdb/clock.hpp>
#include <newsdb/diagnostic.hpp>
#include <newsdb/document.hpp>
#include <newsdb/fetch.hpp>
#include <string>
#include <vector>

#include "ingest/batch_writer.hpp"

namespace newsdb::ingest {

struct ImportOptions {
  std::vector<std::string> sources;  // files, folders, archives, .json/.ndjson, "-", URLs
  std::string database;              // the store spec (a SQLite path or a postgresql:// URI)
  int jobs = 0;                      // parsing threads; 0 = one per core
  bool dry_run = false;              // read the store, write nothing, count what would happen
  ParseLimits limits;
  BatchLimits batch;
  // Consecutive batches that share one transaction, so that an index page changed by all of them
  // is written once (bench/ANALYSIS.md). A failed batch loses the uncommitted ones
  // before it too; the import stops at it anyway, and a re-run redoes them. The writer commits
  // early whenever it would wait for the next batch (BatchWriter's idle call), so the write lock
  // is held across several batches only while the input keeps up.
  int batches_per_commit = 4;
  std::size_t ndjson_part_bytes = 4u << 20;  // .ndjson files larger than this are cut in parts
};

struct ImportSummary {
  std::int64_t added = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
  std::int64_t skipped = 0;
  std::int64_t failed = 0;
  std::int64_t inputs = 0;            // inputs examined (files, members, parts of stdin, URLs)
  std::vector<Diagnostic> errors;     // every error, in input order (warnings are not kept)

  std::int64_t records() const { return added + updated + unchanged + failed; }
};

struct ImportProgress {
  std::int64_t inputs_done = 0;
  // The inputs met so far: the walk hands them out as it goes (there is no counting walk first),
  // and archive members and stream parts add as they are read. Never below inputs_done.
  std::int64_t inputs_total = 0;
  // Whether inputs_total is the run's whole count: true once the walk has ended (an import of a
  // few thousand inputs has walked them all before the first is done). Until then it grows.
  bool total_known = false;
  std::int64_t records_done = 0;
};

// What the caller sees while the import runs, on the pipeline's thread.
struct ImportObserver {
  std::function<void(const Diagnostic&)> diagnostic;        // errors and warnings, input order
  // After each input.
  std::function<void(const ImportProgress&)> progress;
};

// Runs the import. Opens the store itself (a second, read-only connection serves the skip
// lookups); with dry_run nothing is created or written. `http` fetches URL inputs
// (<newsdb/feed_fetch.hpp>); without one they fail with a diagnostic. Returns the summary, or an
// Error when the store cannot be opened or a write fails (everything committed before it stays).
Result<ImportSummary> run_import(const ImportOptions& options, const Clock& clock,
                                 const ImportObserver& observer, HttpClient* http = nullptr);

}  // namespace newsdb::ingest
