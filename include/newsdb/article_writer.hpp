// The import side of the store: what it remembers of each input, and batched, idempotent article
// writes.
//
// Identity: an article is its canonical URL. Writing the same URL again replaces the stored
// article (fields, topics, images, related entries) when its content differs and leaves it alone
// when it is the same; the record seen last in input order wins, also within one batch.
//
// Bookkeeping: every input (a file, an archive member, a URL) has an ImportRecord so that the
// next import can skip it when its size and mtime are unchanged (stat-skip) or its bytes hash the
// same (no re-parse). Failed inputs keep their diagnostics until they import cleanly.
//
// Thread safety: none; one writer belongs to one thread. Several processes may write one database
// at once: each transaction (one batch, or a few: set_batches_per_commit) waits for the write lock
// and is all or nothing.
#pragma once

#include <cstdint>
#include <newsdb/article.hpp>
#include <newsdb/diagnostic.hpp>
#include <newsdb/error.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace newsdb {

enum class FileOutcome {
  kImported,  // parsed without errors (it may hold zero articles: an empty JSON array)
  kSkipped,   // not an article (no frontmatter fence)
  kFailed,    // at least one error; retried by the next import
};

// What the store remembers of one input (a file, an archive member "a.tar.gz:inner/x.md", a URL).
struct ImportRecord {
  std::string path;
  std::int64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string content_hash;  // of the input's bytes; empty when not known (e.g. an archive)
  FileOutcome outcome = FileOutcome::kImported;
  std::int64_t articles = 0;  // articles the input held when it was last parsed

  friend bool operator==(const ImportRecord&, const ImportRecord&) = default;
};

enum class ContentState {
  kParsed,     // `articles` and `diagnostics` are what parsing the input gave
  kUnchanged,  // same bytes as recorded: only size and mtime are refreshed, nothing is re-parsed
};

// One parsed input, or one part of a large one (an NDJSON file is cut into parts so that memory
// stays bounded by the batch). Parts of one input come in order, in one or several batches.
struct ParsedFile {
  ImportRecord record;  // written with the last part; `outcome` and `articles` cover every part
  ContentState content = ContentState::kParsed;
  bool first_part = true;  // the input's previously recorded errors are cleared with it
  bool last_part = true;   // the import record is written with it
  bool tracked = true;     // false for stdin: errors are kept, but no import record
  std::vector<Article> articles;        // in input order, each with canonical_url set
  std::vector<Diagnostic> diagnostics;  // errors among them are recorded for `newsdb errors`
};

// Counted per article record in input order, as if each were written in turn: a URL met twice in
// one run counts as added, then as updated or unchanged.
struct WriteCounts {
  std::int64_t added = 0;      // articles new to the store
  std::int64_t updated = 0;    // existing articles whose content changed
  std::int64_t unchanged = 0;  // existing articles with the same content
  // Records the store refused (see write_batch), one diagnostic each, in input order.
  std::vector<Diagnostic> refused;

  WriteCounts& operator+=(const WriteCounts& o) {
    added += o.added;
    updated += o.updated;
    unchanged += o.unchanged;
    refused.insert(refused.end(), o.refused.begin(), o.refused.end());
    return *this;
  }
  friend bool operator==(const WriteCounts&, const WriteCounts&) = default;
};

// An input that failed at its last import, with what was wrong.
struct FailedInput {
  std::string path;
  std::vector<Diagnostic> diagnostics;  // in the order they were reported
};

class ArticleWriter {
 public:
  virtual ~ArticleWriter() = default;

  // The stored records for `paths`, in the same order (nullopt where none).
  virtual Result<std::vector<std::optional<ImportRecord>>> lookup(
      std::span<const std::string> paths) = 0;

  // Writes one batch, all or nothing (in its own transaction, unless set_batches_per_commit lets
  // batches share one): upserts articles by canonical URL (replacing topics, images and related
  // entries of changed ones), keeps the full-text index in step, writes the import records of
  // inputs that end in this batch and replaces each input's recorded errors (cleared once it
  // imports). `now` stamps the rows.
  //
  // A record the store refuses (a value the backend cannot hold, a constraint it breaks) does
  // not fail the batch: the other records are written, its input is recorded as failed with a
  // diagnostic saying why, and the diagnostic is in the counts' `refused`
  // (store/refused_records.hpp). Failures of the store itself (I/O, a full disk, a lost
  // connection) fail the batch.
  virtual Result<WriteCounts> write_batch(std::span<const ParsedFile> batch, Timestamp now) = 0;

  // Lets up to `batches` consecutive write_batch calls share one transaction (1, the default:
  // each commits its own), so that a page changed by several of them is written once. Batches
  // written but not yet committed are not durable and other connections do not see them: call
  // commit() once the last batch is written. A failed batch rolls back the open transaction whole,
  // the batches before it in that transaction included (write_batch's error is then the failed
  // batch's); what was committed stays, and since the import records go with the articles, a
  // re-run redoes exactly what was lost. A backend may ignore it (each batch then commits alone).
  virtual void set_batches_per_commit(int batches) { (void)batches; }

  // Commits the batches written since the last commit, if any.
  virtual Result<void> commit() { return {}; }

  // Every input whose last import failed, sorted by path.
  virtual Result<std::vector<FailedInput>> failed_inputs() = 0;

  // The paths of the inputs recorded as failed at `folder` or under it (`folder` + "/..."),
  // sorted. Reads only.
  virtual Result<std::vector<std::string>> failed_under(const std::string& folder) = 0;

  // Deletes the import records of `paths` and their recorded errors, in one transaction of its
  // own (call it with no batch open): inputs that are gone, or records moved to another key.
  virtual Result<void> forget_inputs(std::span<const std::string> paths) = 0;

  // The content hash (store/content_hash.hpp) stored for each canonical URL, in the same order
  // (nullopt where the store has no such article). Reads only: what a dry run compares against.
  virtual Result<std::vector<std::optional<std::string>>> stored_hashes(
      std::span<const std::string> canonical_urls) = 0;
};

}  // namespace newsdb
