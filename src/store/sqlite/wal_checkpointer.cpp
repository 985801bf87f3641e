#include "store/sqlite/wal_checkpointer.hpp"

#include <pthread.h>
#include <sqlite3.h>

namespace newsdb::sqlite {

Result<std::unique_ptr<WalCheckpointer>> WalCheckpointer::start(const std::string& path) {
  auto db = Database::open(path, Database::Access::kReadWrite);
  if (!db) return std::unexpected(db.error());
  // A connection opens the WAL at its first read; until then a checkpoint does nothing.
  if (auto r = db->exec("SELECT count(*) FROM sqlite_schema"); !r) return std::unexpected(r.error());
  auto out = std::unique_ptr<WalCheckpointer>(new WalCheckpointer(std::move(*db)));
  out->thread_ = std::thread([p = out.get()] { p->run(); });
  return out;
}

WalCheckpointer::WalCheckpointer(Database db) : db_(std::move(db)) {}

WalCheckpointer::~WalCheckpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void WalCheckpointer::committed() {
  {
    std::lock_guard lock(mutex_);
    ++commits_;
  }
  changed_.notify_all();
}

void WalCheckpointer::catch_up() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return tried_ >= commits_ || stopping_; });
}

void WalCheckpointer::run() {
  pthread_setname_np(pthread_self(), "newsdb-ckpt");
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return commits_ > tried_ || stopping_; });
    if (stopping_) return;
    std::uint64_t commits = commits_;
    lock.unlock();
    // PASSIVE: copies what no reader still needs, never waits for a lock, never blocks the
    // writer. A failure (SQLITE_BUSY: another process is checkpointing) is left to a later one.
    int log_frames = 0, copied_frames = 0;
    (void)sqlite3_wal_checkpoint_v2(db_.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &log_frames,
                                    &copied_frames);
    lock.lock();
    tried_ = commits;
    changed_.notify_all();
  }
}

}  // namespace newsdb::sqlite
