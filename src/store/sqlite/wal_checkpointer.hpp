// Copies the write-ahead log back into the database on a thread of its own.
//
// Why: with SQLite's automatic checkpoints, the connection that commits copies the WAL into the
// database file and waits for the two fsyncs that make the copy durable, on the import's one
// writer thread, which is the import's bound. A PASSIVE checkpoint from a second connection
// runs beside the writer's next transaction instead (SQLite's WAL design allows one checkpoint
// and one writer at a time), so the writer only writes.
//
// The writer turns its own automatic checkpoints off (PRAGMA wal_autocheckpoint = 0), calls
// committed() after each commit, and calls catch_up() before a transaction now and then: the WAL
// only starts again from its beginning when a transaction begins while every committed frame is
// in the database, so without that pause the WAL would grow with the whole import.
//
// Safety is SQLite's: a checkpoint never changes what a reader or a crashed writer sees; a killed
// process leaves a WAL that the next connection uses as usual. Failures (another process holding
// the checkpoint lock, a reader pinning old frames) only leave frames for a later checkpoint.
//
// Thread safety: committed() and catch_up() are called by the one writer thread.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <newsdb/error.hpp>
#include <string>
#include <thread>

#include "store/sqlite/database.hpp"

namespace newsdb::sqlite {

class WalCheckpointer {
 public:
  // Opens a second connection to the database at `path` (in WAL mode) and starts the thread.
  static Result<std::unique_ptr<WalCheckpointer>> start(const std::string& path);
  ~WalCheckpointer();  // stops the thread after the checkpoint it is running, if any
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  // A transaction was committed: its frames are to be copied.
  void committed();
  // Waits until a checkpoint has been tried since the last committed(), so that the next
  // transaction may start the WAL again from its beginning.
  void catch_up();

 private:
  explicit WalCheckpointer(Database db);
  void run();

  Database db_;  // used only by the thread
  std::mutex mutex_;
  std::condition_variable changed_;
  std::uint64_t commits_ = 0;  // committed() calls so far
  std::uint64_t tried_ = 0;    // commits_ as it was when the last checkpoint began
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace newsdb::sqlite
