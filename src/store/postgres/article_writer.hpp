// PostgreSQL implementation of ArticleWriter (see <newsdb/article_writer.hpp>).
//
// A batch travels as COPY data into session-private staging tables, then a fixed set of
// set-based statements moves it into the store in one transaction:
//   1. providers and topics: inserted when new;
//   2. articles new to the store: inserted (INSERT ... ON CONFLICT DO NOTHING);
//   3. the others: locked, and their stored content hashes read (SELECT ... FOR UPDATE);
//   4. those whose hash differs: rewritten, with their topics, images and related entries;
//   5. import records upserted, and the errors of inputs that start again replaced.
// Steps 2 and 3 tell each URL's first record apart as added, updated or unchanged, so the counts
// are the SQLite writer's exactly, also with several writers at once: a URL is "added" by the one
// writer whose insert won, and compared under a row lock by every other.
//
// Many writers at once (several processes, several machines): each statement takes its locks in
// key order (providers by name and domain, topics by key, articles by URL, files by path) and step
// 2's insert locks come before step 3's row locks in every transaction, so overlapping batches wait
// for each other instead of deadlocking; should the server still report a deadlock or a
// serialization failure, the whole batch is retried. Upserts are idempotent, so a retried or
// repeated batch changes nothing twice, and between processes the last batch to commit wins, as
// within one the last article in input order does.
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
  Result<void> copy_staged(const StagedBatch& staged);
  Result<WriteCounts> upsert_articles(const StagedBatch& staged, const Params& stamped);

  Connection& conn_;
  bool session_ready_ = false;
  // The sequences behind the ids of articles, providers and topics.
  std::string article_ids_;
  std::string provider_ids_;
  std::string topic_ids_;
};

}  // namespace newsdb::postgres
