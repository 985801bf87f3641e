// PostgreSQL implementation of ArticleWriter (see <newsdb/article_writer.hpp>).
//
// A batch travels as COPY data into session-private staging tables, then a fixed set of
// set-based statements moves it into the store in one transaction: upsert providers and topics,
// upsert articles by canonical URL (only rows whose content hash differs are rewritten), replace
// the changed articles' topics, images and related entries, upsert the import records, replace
// their errors.
//
// Many writers at once (several processes, several machines): every statement takes its row locks
// in key order (providers by name and domain, topics by key, articles by URL, files by path), so
// two batches that overlap wait for each other instead of deadlocking; should the server still
// report a deadlock or a serialization failure, the whole batch is retried. Upserts are
// idempotent, so a retried or repeated batch changes nothing twice, and between processes the
// last batch to commit wins, as within one the last article in input order does.
#pragma once

#include <newsdb/article_writer.hpp>

#include "store/postgres/connection.hpp"
#include "store/postgres/staged_batch.hpp"

namespace newsdb::postgres {

class PgArticleWriter final : public ArticleWriter {
 public:
  explicit PgArticleWriter(Connection& conn);

  Result<std::vector<std::optional<ImportRecord>>> lookup(
      std::span<const std::string> paths) override;
  Result<WriteCounts> write_batch(std::span<const ParsedFile> batch, Timestamp now) override;
  Result<std::vector<FailedInput>> failed_inputs() override;
  Result<std::vector<std::optional<std::string>>> stored_hashes(
      std::span<const std::string> canonical_urls) override;

 private:
  Result<void> prepare_session();
  Result<WriteCounts> write_staged(const StagedBatch& staged, std::int64_t now);

  Connection& conn_;
  bool session_ready_ = false;
};

}  // namespace newsdb::postgres
