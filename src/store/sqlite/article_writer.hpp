// SQLite implementation of ArticleWriter (see <newsdb/article_writer.hpp>).
//
// Batches are written in BEGIN IMMEDIATE transactions, one per batch or one per
// set_batches_per_commit() batches: the write lock is taken up front (waiting for other writers
// through the busy timeout), so a batch never fails half-way on a lock upgrade. The statements are
// prepared on the first batch and reused; provider and topic ids are cached across batches
// (forgotten after a failed transaction). The full-text index is fed row by row inside the
// transaction, so a committed batch is always fully searchable. On a WAL database, the first batch
// starts a WalCheckpointer: the WAL is copied back into the database beside the writing, not by it.
#pragma once

#include <memory>
#include <optional>
#include <newsdb/article_writer.hpp>

#include "store/parsed_file.hpp"
#include "store/sqlite/database.hpp"
#include "store/sqlite/wal_checkpointer.hpp"

namespace newsdb::sqlite {

class SqliteArticleWriter final : public ArticleWriter {
 public:
  explicit SqliteArticleWriter(Database& db);
  ~SqliteArticleWriter() override;

  // The import log's reads and deletions (<newsdb/import_log.hpp>), on the writer's connection;
  // reached through the store's import_log() (store/writer_import_log.hpp).
  Result<std::vector<std::optional<ImportRecord>>> lookup(std::span<const std::string> paths);
  Result<WriteCounts> write_batch(std::span<const ParsedFile> batch, Timestamp now) override;
  void set_batches_per_commit(int batches) override;
  Result<void> commit() override;
  Result<std::vector<FailedInput>> failed_inputs();
  Result<std::vector<std::string>> failed_under(const std::string& folder);
  Result<void> forget_inputs(std::span<const std::string> paths);
  Result<std::vector<std::optional<std::string>>> stored_hashes(
      std::span<const std::string> canonical_urls) override;

 private:
  struct Prepared;
  Result<Prepared*> prepared();
  Result<std::optional<Transaction>> read_transaction();  // none while a write one is open
  Result<void> begin();
  Result<WriteCounts> write_files(Prepared& p, std::span<const ParsedFile> batch, Timestamp now);
  // Whether the last failure is a record's doing, with the transaction still open.
  bool refused_by_store() const;
  Result<WriteCounts> write_refusing(Prepared& p, std::span<const ParsedFile> batch, Timestamp now,
                                     bool shares, const Error& error);
  std::unexpected<Error> fail_open(Prepared& p, Error error);
  void start_checkpointer();

  Database& db_;
  std::unique_ptr<Prepared> prepared_;
  int batches_per_commit_ = 1;
  std::optional<Transaction> open_;  // the write transaction batches share; rolls back if left
  int batches_in_open_ = 0;
  bool checkpointer_tried_ = false;
  int batches_since_catch_up_ = 0;
  std::unique_ptr<WalCheckpointer> checkpointer_;  // last: stopped before the rest goes
};

}  // namespace newsdb::sqlite
