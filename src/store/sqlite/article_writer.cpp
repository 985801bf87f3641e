#include "store/sqlite/article_writer.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "store/content_hash.hpp"
#include "store/refused_records.hpp"
#include "store/sqlite/article_rows.hpp"
#include "store/sqlite/import_log.hpp"
#include "store/sqlite/name_ids.hpp"
#include "store/sqlite/story_tables.hpp"

namespace newsdb::sqlite {

struct SqliteArticleWriter::Prepared {
  ArticleRows rows;
  NameIds names;
  ImportLog log;
  SqliteStoryTables stories;
};

SqliteArticleWriter::SqliteArticleWriter(Database& db) : db_(db) {}
SqliteArticleWriter::~SqliteArticleWriter() = default;

Result<std::optional<Transaction>> SqliteArticleWriter::read_transaction() {
  if (open_) return std::optional<Transaction>();
  auto tx = Transaction::begin(db_, Transaction::Kind::kDeferred);
  if (!tx) return std::unexpected(tx.error());
  return std::optional<Transaction>(std::move(*tx));
}

Result<SqliteArticleWriter::Prepared*> SqliteArticleWriter::prepared() {
  if (prepared_) return prepared_.get();
  // A larger page cache than SQLite's 2 MB default keeps the indexes' inner pages (URL lookups,
  // topic index) and a batch's dirty pages in memory; it is per connection and bounded. 32 MB
  // (bench/ANALYSIS.md): a 2000-article batch into a store of 1M dirties ~5,000 pages
  // (40 MB); at 16 MB a third of them were spilled to the WAL mid-transaction and written again at
  // the commit, and half the cache misses were pages the batch had just evicted. 32 MB cut the
  // misses by 40% and the spills by 66% there (to none into an empty store), the writer's CPU by
  // ~5%, and keeps an import at 1M under 80 MB resident (with the FTS5 pending-terms buffer, 8 MB,
  // and two batches in flight; the bound is 100 MB).
  if (auto r = db_.exec("PRAGMA cache_size = -32768"); !r) return std::unexpected(r.error());
  auto rows = ArticleRows::prepare(db_);
  if (!rows) return std::unexpected(rows.error());
  auto names = NameIds::prepare(db_);
  if (!names) return std::unexpected(names.error());
  auto log = ImportLog::prepare(db_);
  if (!log) return std::unexpected(log.error());
  auto stories = SqliteStoryTables::prepare(db_);
  if (!stories) return std::unexpected(stories.error());
  prepared_ = std::make_unique<Prepared>(
      Prepared{std::move(*rows), std::move(*names), std::move(*log), std::move(*stories)});
  return prepared_.get();
}

Result<std::vector<std::optional<ImportRecord>>> SqliteArticleWriter::lookup(
    std::span<const std::string> paths) {
  auto p = prepared();
  if (!p) return std::unexpected(p.error());
  // One read transaction for the whole list: one snapshot, one lock acquisition (or the open
  // write transaction, which also sees the batches it has not committed yet).
  auto tx = read_transaction();
  if (!tx) return std::unexpected(tx.error());
  auto out = (*p)->log.find(paths);
  if (!out) return std::unexpected(out.error());
  if (*tx) {
    if (auto r = (*tx)->commit(); !r) return std::unexpected(r.error());
  }
  return out;
}

namespace {

// Batches written between two waits for the checkpointer (see wal_checkpointer.hpp): the WAL then
// holds at most about this many batches (~25 MB each into an empty store, ~40 MB into one of 1M
// articles, fewer when batches share transactions), and the writer waits for one transaction's
// checkpoint in this many batches instead of doing every checkpoint itself. 8 rather than 4
// (bench/ANALYSIS.md): each wait is for the last commit's checkpoint, scattered writes
// plus an fsync, which take longer the larger the store.
constexpr int kBatchesPerWalCycle = 8;

}  // namespace

void SqliteArticleWriter::set_batches_per_commit(int batches) {
  batches_per_commit_ = std::max(1, batches);
}

void SqliteArticleWriter::start_checkpointer() {
  checkpointer_tried_ = true;
  auto mode = db_.prepare("PRAGMA journal_mode");
  if (!mode) return;
  auto row = mode->step();
  if (!row || !*row || mode->column_view(0) != "wal") return;  // in memory: nothing to copy
  auto checkpointer = WalCheckpointer::start(db_.path());
  // Without one, SQLite's automatic checkpoints stay on: slower, not wrong.
  if (!checkpointer) return;
  if (auto r = db_.exec("PRAGMA wal_autocheckpoint = 0"); !r) return;
  checkpointer_ = std::move(*checkpointer);
}

Result<void> SqliteArticleWriter::begin() {
  if (!checkpointer_tried_) start_checkpointer();
  // Only a transaction that starts after a complete checkpoint starts the WAL file again.
  if (checkpointer_ && batches_since_catch_up_ >= kBatchesPerWalCycle) {
    checkpointer_->catch_up();
    batches_since_catch_up_ = 0;
  }
  auto tx = Transaction::begin(db_);
  if (!tx) return std::unexpected(tx.error());
  open_.emplace(std::move(*tx));
  batches_in_open_ = 0;
  return {};
}

Result<void> SqliteArticleWriter::commit() {
  if (!open_) return {};
  auto r = open_->commit();
  open_.reset();  // after a failed COMMIT: rolled back here
  if (!r) {
    if (prepared_) prepared_->names.forget();  // ids created in the transaction are gone
    return r;
  }
  if (checkpointer_) checkpointer_->committed();
  return {};
}

Result<WriteCounts> SqliteArticleWriter::write_batch(std::span<const ParsedFile> batch,
                                                     Timestamp now) {
  auto p = prepared();
  if (!p) return std::unexpected(p.error());
  if (!open_) {
    if (auto r = begin(); !r) return std::unexpected(r.error());
  }
  // A batch after the first of its transaction is written under a savepoint, so that a record
  // the store refuses costs this batch a second writing, not the batches before it theirs. It
  // was measured at no cost on a quiet machine (bench/ANALYSIS.md, "Refused records"); on a
  // loaded one the statement journal's writes weighed.
  const bool shares = batches_in_open_ > 0;
  ++batches_in_open_;
  ++batches_since_catch_up_;
  if (shares) {
    if (auto r = db_.exec("SAVEPOINT batch"); !r) return fail_open(**p, r.error());
  }
  auto counts = write_files(**p, batch, now);
  if (!counts && refused_by_store())
    counts = write_refusing(**p, batch, now, shares, counts.error());
  if (!counts) return fail_open(**p, counts.error());
  if (shares) {
    if (auto r = db_.exec("RELEASE batch"); !r) return fail_open(**p, r.error());
  }
  if (batches_in_open_ >= batches_per_commit_) {
    if (auto r = commit(); !r) return std::unexpected(r.error());
  }
  return counts;
}

// The open transaction is rolled back whole: this batch and the ones before it in it (none
// committed, none recorded in the import log, so a re-run redoes them).
std::unexpected<Error> SqliteArticleWriter::fail_open(Prepared& p, Error error) {
  open_.reset();
  p.names.forget();  // ids created in the transaction are gone
  return std::unexpected(std::move(error));
}

bool SqliteArticleWriter::refused_by_store() const {
  // Past these SQLite keeps the transaction (only the failed statement is undone); after I/O
  // errors, a full disk or no memory it may not, and no record is to blame.
  if (!db_.in_transaction()) return false;
  switch (db_.error_code() & 0xff) {
    case SQLITE_CONSTRAINT:
    case SQLITE_TOOBIG:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
      return true;
    default:
      return false;
  }
}

// `batch` failed for a record's sake: undone back to where it started (its savepoint, or the
// start of its transaction), then written again without the records the store refuses, each
// attempt under a savepoint of its own.
Result<WriteCounts> SqliteArticleWriter::write_refusing(Prepared& p,
                                                        std::span<const ParsedFile> batch,
                                                        Timestamp now, bool shares,
                                                        const Error& error) {
  if (shares) {
    if (auto r = db_.exec("ROLLBACK TO batch"); !r) return std::unexpected(r.error());
  } else {
    open_.reset();
    if (auto r = begin(); !r) return std::unexpected(r.error());
    batches_in_open_ = 1;
  }
  p.names.forget();  // ids created since are gone
  auto attempt = [&](std::span<const ParsedFile> part, bool& refused) -> Result<WriteCounts> {
    if (auto r = db_.exec("SAVEPOINT part"); !r) return std::unexpected(r.error());
    auto counts = write_files(p, part, now);
    if (counts) {
      if (auto r = db_.exec("RELEASE part"); !r) return std::unexpected(r.error());
      return counts;
    }
    refused = refused_by_store();
    if (refused) {
      if (auto r = db_.exec("ROLLBACK TO part"); !r) return std::unexpected(r.error());
      if (auto r = db_.exec("RELEASE part"); !r) return std::unexpected(r.error());
      p.names.forget();
    }
    return counts;
  };
  return store::write_without_refused(batch, attempt, error);
}

namespace {

// Where an article stands while a batch is walked in input order.
struct UrlState {
  bool looked_up = false;
  std::int64_t id = 0;           // 0 while not in the store
  std::string stored_hash;       // what the store holds now ("" when nothing)
  std::string current_hash;      // the last version met in the batch so far ("" when none)
  const Article* last = nullptr; // the record that will be written (the last in input order)
};

}  // namespace

Result<WriteCounts> SqliteArticleWriter::write_files(Prepared& p,
                                                     std::span<const ParsedFile> batch,
                                                     Timestamp now) {
  // The last record of each URL is the one the store keeps; earlier ones only count.
  std::unordered_map<std::string_view, UrlState> urls;
  for (const auto& file : batch) {
    for (const auto& article : file.articles) {
      if (!article.canonical_url.empty()) urls[article.canonical_url].last = &article;
    }
  }

  WriteCounts counts;
  std::vector<std::string> written;  // in input order, for story grouping
  for (const auto& file : batch) {
    if (file.first_part && file.content == ContentState::kParsed) {
      if (auto r = p.log.clear_errors(file.record.path); !r) return std::unexpected(r.error());
    }
    for (const auto& article : file.articles) {
      if (article.canonical_url.empty()) continue;  // the parser never gives these
      UrlState& state = urls[article.canonical_url];
      std::string hash = store::article_content_hash(article);
      if (!state.looked_up) {
        state.looked_up = true;
        auto stored = p.rows.find(article.canonical_url);
        if (!stored) return std::unexpected(stored.error());
        if (*stored) {
          state.id = (*stored)->id;
          state.stored_hash = std::move((*stored)->content_hash);
          state.current_hash = state.stored_hash;
        }
      }
      if (state.current_hash.empty()) {
        ++counts.added;
      } else if (state.current_hash == hash) {
        ++counts.unchanged;
      } else {
        ++counts.updated;
      }
      state.current_hash = hash;
      if (&article != state.last || hash == state.stored_hash) continue;

      ArticleStamp stamp{hash, file.record.path, now};
      if (state.id == 0) {
        auto id = p.rows.insert(article, stamp, p.names);
        if (!id) return std::unexpected(id.error());
        state.id = *id;
      } else if (auto r = p.rows.update(state.id, article, stamp, p.names); !r) {
        return std::unexpected(r.error());
      }
      state.stored_hash = hash;
      written.push_back(article.canonical_url);
    }
    for (const auto& d : file.diagnostics) {
      if (d.severity != Severity::kError) continue;
      if (auto r = p.log.add_error(file.record.path, d, now); !r) {
        return std::unexpected(r.error());
      }
    }
    if (file.last_part && file.tracked) {
      if (auto r = p.log.record(file.record, now); !r) return std::unexpected(r.error());
    }
  }
  // The written articles join stories in input order, one at a time (story/story_tables.hpp).
  if (auto r = story::group_urls(p.stories, written); !r) return std::unexpected(r.error());
  return counts;
}

Result<std::vector<std::optional<std::string>>> SqliteArticleWriter::stored_hashes(
    std::span<const std::string> canonical_urls) {
  auto p = prepared();
  if (!p) return std::unexpected(p.error());
  auto tx = read_transaction();
  if (!tx) return std::unexpected(tx.error());
  std::vector<std::optional<std::string>> out;
  out.reserve(canonical_urls.size());
  for (const auto& url : canonical_urls) {
    auto stored = (*p)->rows.find(url);
    if (!stored) return std::unexpected(stored.error());
    out.push_back(*stored ? std::optional<std::string>((*stored)->content_hash) : std::nullopt);
  }
  if (*tx) {
    if (auto r = (*tx)->commit(); !r) return std::unexpected(r.error());
  }
  return out;
}

Result<std::vector<FailedInput>> SqliteArticleWriter::failed_inputs() {
  return read_failed_inputs(db_);
}

Result<std::vector<std::string>> SqliteArticleWriter::failed_under(const std::string& folder) {
  return read_failed_under(db_, folder);
}

Result<void> SqliteArticleWriter::forget_inputs(std::span<const std::string> paths) {
  if (paths.empty()) return {};
  if (auto r = commit(); !r) return r;
  auto tx = Transaction::begin(db_);
  if (!tx) return std::unexpected(tx.error());
  if (auto r = delete_inputs(db_, paths); !r) return r;
  return tx->commit();
}

}  // namespace newsdb::sqlite
