// PostgreSQL implementation of ArticleWriter (see <newsdb/article_writer.hpp>).
//
// A batch travels as COPY data (binary form: the server reads it field by field without parsing
// text, search vectors included), in two ways. Articles new to the store whose search vector is
// ASCII go straight into the store's tables as finished rows (the cheapest way in for the
// server); the others go into session-private staging tables, which a fixed set of set-based
// statements merges into the store:
//   1. the prelude: new providers and topics inserted; ids drawn, in input order, for the
//      batch's articles new to the store; the ids of the batch's providers and topics read;
//   2. articles new to the store: COPYed with those ids as final rows, children included; the
//      staged ones inserted with theirs (INSERT ... ON CONFLICT DO NOTHING);
//   3. the others: locked, and their stored content hashes read (SELECT ... FOR UPDATE);
//   4. those whose hash differs: rewritten, with their topics, images and related entries;
//   5. import records upserted, and the errors of inputs that start again replaced.
// Steps 2 and 3 tell each URL's first record apart as added, updated or unchanged, so the counts
// are the SQLite writer's exactly, also with several writers at once: a URL is "added" by the one
// writer whose insert won, and compared under a row lock by every other. Should another writer
// insert one of the URLs COPYed in step 2 after the prelude (the COPY then fails on the unique
// URL), the transaction is rolled back and its articles are written again through the staging
// tables alone, which tell them apart as above.
//
// Two connections: a batch of 64 articles or more (kTwoPartsFrom) is cut in two by canonical URL,
// and steps 2-4 of each part run at once on the two connections (each part staged on its own
// thread), so the server's work uses two cores. The prelude, each part and step 5 are then
// separate transactions, committed in that order; step 5 waits for both parts, so the import log
// is never ahead of the articles (a crash in between leaves articles whose inputs the next import
// parses again and finds unchanged). A smaller batch is one transaction on one connection. The
// second connection is opened on the first large batch; without it, every batch is written whole.
//
// Durability: the writer's sessions run with synchronous_commit off (as SQLite's WAL with
// synchronous=NORMAL): a commit returns before its WAL reaches the disk, so a crash of the machine
// (power, kernel) may lose the last acknowledged batches, never the database's consistency; their
// import log entries, committed after their articles, are lost with them, so the next import
// redoes them idempotently.
//
// Many writers at once (several processes, several machines): each statement takes its locks in
// key order (providers by name and domain, topics by key, articles by URL, files by path) and step
// 2's insert locks come before step 3's row locks in every transaction, so overlapping batches wait
// for each other instead of deadlocking (step 2 inserts in two runs, each in URL order: final rows,
// then staged ones; two writers whose runs hold the same two new URLs the other way round, which
// takes versions whose vectors differ in kind, can still deadlock); no transaction waits, holding
// locks, for another of the same writer, so no wait escapes the server's deadlock detection; should
// the server still report a deadlock or a serialization failure, the transaction is retried.
// Upserts are idempotent, so a retried or repeated batch changes nothing twice, and between
// processes the last batch to commit wins, as within one the last article in input order does
// (every record of a URL is in one part).
#pragma once

#include <atomic>
#include <functional>
#include <newsdb/article_writer.hpp>
#include <optional>
#include <string>
#include <vector>

#include "store/parsed_file.hpp"
#include "store/postgres/connection.hpp"
#include "store/postgres/staged_batch.hpp"

namespace newsdb::postgres {

class PgArticleWriter final : public ArticleWriter {
 public:
  // `uri` opens the second connection that large batches are written on (see above); empty: none.
  PgArticleWriter(Connection& conn, std::string uri);
  ~PgArticleWriter() override;

  // The import log's reads and deletions (<newsdb/import_log.hpp>), on the writer's connection;
  // reached through the store's import_log() (store/writer_import_log.hpp).
  Result<std::vector<std::optional<ImportRecord>>> lookup(std::span<const std::string> paths);
  Result<WriteCounts> write_batch(std::span<const ParsedFile> batch, Timestamp now) override;
  Result<std::vector<FailedInput>> failed_inputs();
  Result<std::vector<std::string>> failed_under(const std::string& folder);
  Result<void> forget_inputs(std::span<const std::string> paths);
  Result<std::vector<std::optional<std::string>>> stored_hashes(
      std::span<const std::string> canonical_urls) override;

  // For tests. With false, every article goes through the staging tables (default: true).
  void set_write_new_directly(bool on) { direct_ = on; }
  // Called after each prelude (committed, or within the batch's transaction for a small batch).
  void set_after_prelude(std::function<void()> hook) { after_prelude_ = std::move(hook); }
  // The articles written straight into the store's tables so far (committed).
  std::int64_t written_directly() const { return written_directly_; }

 private:
  // The ids the prelude drew for one part's new articles (decimal text, for an array literal).
  struct DrawnIds {
    std::vector<std::string> urls;
    std::vector<std::string> ids;
  };

  Result<void> prepare_session(Connection& conn);
  Connection* partner();  // the second connection, opened on first use; null without one
  // What the prelude drew and read: per part, and for final rows (when asked for).
  struct Prelude {
    std::vector<DrawnIds> parts;
    StoreIds ids;
  };

  Result<WriteCounts> write_whole(std::span<const ParsedFile> batch, const BatchKeys& keys,
                                  const StagedLog& log, std::int64_t now);
  Result<WriteCounts> write_in_parts(std::span<const ParsedFile> batch, const BatchKeys& keys,
                                     const StagedLog& log, Connection& second, std::int64_t now);
  Result<Prelude> write_prelude(Connection& conn, const BatchKeys& keys, std::size_t parts,
                                bool direct, std::int64_t now);
  Result<void> read_store_ids(Connection& conn, const BatchKeys& keys, StoreIds& ids);
  // `raced`: set when the final rows' COPY failed because another writer inserted one of their
  // URLs after the prelude.
  Result<WriteCounts> write_part(Connection& conn, const StagedBatch& staged,
                                 const DrawnIds& drawn, std::int64_t now, bool& raced);
  Result<void> write_final(Connection& conn, const FinalRows& rows, bool& raced);
  Result<void> write_log(Connection& conn, const StagedLog& log, std::int64_t now);
  static bool refused_by_store(const Connection& conn);
  Result<WriteCounts> write_refusing(std::span<const ParsedFile> batch, std::int64_t now,
                                     const Error& error);
  Result<WriteCounts> upsert_articles(Connection& conn, const StagedBatch& staged,
                                      const Params& stamped, const DrawnIds& drawn);

  Connection& conn_;
  std::string uri_;
  std::optional<Connection> partner_;
  bool partner_tried_ = false;
  bool session_ready_ = false;
  bool direct_ = true;
  std::function<void()> after_prelude_;
  std::atomic<std::int64_t> written_directly_ = 0;
  // The sequences behind the ids of articles, providers and topics.
  std::string article_ids_;
  std::string provider_ids_;
  std::string topic_ids_;
};

}  // namespace newsdb::postgres
