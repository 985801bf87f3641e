// The import's single writer: parsed inputs arrive in input order on the pipeline's thread, are
// gathered into large batches, and each batch is written on a thread of its own while the next
// one fills, so that parsing and writing overlap. At most two batches exist at a time (one
// filling, one being written): memory is bounded by the batch size, not by the corpus.
//
// The first failed write stops the writing: later batches are dropped, and finish() returns the
// error. add() and finish() are called from one thread.
//
// Idle: when the writing thread has written a batch and the next one is not ready (the inputs are
// slower than the writing: a slow disk, a network source), it calls `idle` once before waiting,
// so that a sink holding work open across batches (the SQLite writer's transaction over several
// batches, and its write lock) finishes it instead of holding it while the input trickles in.
// When the next batch is already waiting, nothing is called: the writing goes straight on.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <newsdb/article_writer.hpp>
#include <newsdb/clock.hpp>
#include <optional>
#include <thread>
#include <vector>

#include "store/parsed_file.hpp"

namespace newsdb::ingest {

struct BatchLimits {
  std::size_t max_articles = 2000;       // a batch is written once it holds this many articles,
  std::size_t max_inputs = 4000;         // or this many inputs,
  std::size_t max_bytes = 24u << 20;     // or about this many bytes of article text
};

// Writes a batch: ArticleWriter::write_batch, or a dry run's counting.
using BatchSink = std::function<Result<WriteCounts>(std::span<const ParsedFile>, Timestamp)>;
// Called on the writing thread when it would otherwise wait (see above); an error stops the
// writing as a failed write does.
using BatchIdle = std::function<Result<void>()>;

class BatchWriter {
 public:
  // Called on the writing thread after each written batch with its inputs and what it counted.
  using Written = std::function<void(std::span<const ParsedFile>, const WriteCounts&)>;

  BatchWriter(BatchSink sink, const Clock& clock, BatchLimits limits, Written written = {},
              BatchIdle idle = {});
  ~BatchWriter();  // finishes (and waits for) the writing thread
  BatchWriter(const BatchWriter&) = delete;
  BatchWriter& operator=(const BatchWriter&) = delete;

  // Queues one input (or part of one). Waits while the previous batch is still being written.
  void add(ParsedFile file);
  // True once a write has failed: the caller may stop reading inputs.
  bool failed() const;
  // Writes what is queued, waits for the thread, and returns the totals or the first error.
  Result<WriteCounts> finish();

 private:
  void hand_over();  // passes the filling batch to the writing thread
  void run();        // the writing thread

  BatchSink sink_;
  const Clock& clock_;
  BatchLimits limits_;
  Written written_;
  BatchIdle idle_;

  std::vector<ParsedFile> filling_;
  std::size_t filling_articles_ = 0;
  std::size_t filling_bytes_ = 0;

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::optional<std::vector<ParsedFile>> handed_;  // waiting for, or being written by, the thread
  bool writing_ = false;
  bool handing_ = false;    // add() is waiting to hand over a full batch
  bool owes_idle_ = false;  // a batch was written since the last idle call
  bool closing_ = false;
  WriteCounts totals_;
  std::optional<Error> error_;
  std::thread thread_;
  bool finished_ = false;
};

}  // namespace newsdb::ingest
