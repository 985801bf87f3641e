// The import side of the store: batched, idempotent article writes, which keep the import log
// (<newsdb/import_log.hpp>) in step in the same transactions.
//
// Identity: an article is its canonical URL. Writing the same URL again replaces the stored
// article (fields, topics, images, related entries) when its content differs and leaves it alone
// when it is the same; the record seen last in input order wins, also within one batch.
//
// Bookkeeping: every input (a file, an archive member, a URL) has an ImportRecord so that the
// next import can skip it when its size and mtime are unchanged (stat-skip) or its bytes hash the
// same (no re-parse). Failed inputs keep their diagnostics until they import cleanly. Both are
// read through the ImportLog, never through the writer.
//
// Thread safety: none; one writer belongs to one thread. Several processes may write one database
// at once: each transaction (one batch, or a few: set_batches_per_commit) waits for the write lock
// and is all or nothing.
#pragma once

#include <cstdint>
#include <newsdb/article.hpp>
#include <newsdb/diagnostic.hpp>
#include <newsdb/error.hpp>
#include <newsdb/import_log.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace newsdb {

// One parsed input, or one part of one: what the import pipeline hands to write_batch. Its
// definition (with the pipeline's part and stdin flags) is internal to the library:
// store/parsed_file.hpp.
struct ParsedFile;

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

class ArticleWriter {
 public:
  virtual ~ArticleWriter() = default;

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

  // The content hash (store/content_hash.hpp) stored for each canonical URL, in the same order
  // (nullopt where the store has no such article). Reads only: what a dry run compares against.
  virtual Result<std::vector<std::optional<std::string>>> stored_hashes(
      std::span<const std::string> canonical_urls) = 0;
};

}  // namespace newsdb
