#include "ingest/batch_writer.hpp"

#include <pthread.h>

namespace newsdb::ingest {
namespace {

// What an input adds to a batch's size: the text it carries, roughly.
std::size_t weight(const ParsedFile& file) {
  std::size_t bytes = file.record.path.size() + 64;
  for (const Article& a : file.articles) {
    bytes += 512 + a.title.size() + a.excerpt.value_or("").size() + a.body.value_or("").size() +
             a.secured.value_or("").size() + 512 * a.related.size() + 128 * a.images.size();
  }
  return bytes;
}

}  // namespace

BatchWriter::BatchWriter(BatchSink sink, const Clock& clock, BatchLimits limits, Written written,
                         BatchIdle idle)
    : sink_(std::move(sink)),
      clock_(clock),
      limits_(limits),
      written_(std::move(written)),
      idle_(std::move(idle)) {
  thread_ = std::thread([this] { run(); });
}

BatchWriter::~BatchWriter() {
  if (!finished_) (void)finish();
}

void BatchWriter::add(ParsedFile file) {
  if (failed()) return;
  filling_articles_ += file.articles.size();
  filling_bytes_ += weight(file);
  filling_.push_back(std::move(file));
  if (filling_articles_ >= limits_.max_articles || filling_.size() >= limits_.max_inputs ||
      filling_bytes_ >= limits_.max_bytes) {
    hand_over();
  }
}

void BatchWriter::hand_over() {
  std::unique_lock lock(mutex_);
  handing_ = true;
  changed_.wait(lock, [&] { return !handed_.has_value() || error_.has_value(); });
  handing_ = false;
  if (!error_) handed_ = std::move(filling_);
  filling_.clear();
  filling_articles_ = 0;
  filling_bytes_ = 0;
  lock.unlock();
  changed_.notify_all();
}

bool BatchWriter::failed() const {
  std::lock_guard lock(mutex_);
  return error_.has_value();
}

void BatchWriter::run() {
  // Named so that per-thread CPU (top -H, perf, /proc/<pid>/task) shows the writer's share.
  pthread_setname_np(pthread_self(), "newsdb-write");
  for (;;) {
    std::unique_lock lock(mutex_);
    if (idle_ && owes_idle_ && !handed_ && !handing_ && !closing_ && !error_) {
      owes_idle_ = false;
      lock.unlock();
      auto idle = idle_();
      lock.lock();
      if (!idle && !error_) error_ = idle.error();
    }
    changed_.wait(lock, [&] { return handed_.has_value() || closing_; });
    if (!handed_) return;  // closing, nothing left
    std::vector<ParsedFile> batch = std::move(*handed_);
    lock.unlock();

    auto counts = batch.empty() ? Result<WriteCounts>(WriteCounts{})
                                : sink_(batch, clock_.now());
    if (counts && written_) written_(batch, *counts);

    lock.lock();
    if (counts) {
      totals_ += *counts;
      owes_idle_ = true;
    } else if (!error_) {
      error_ = counts.error();
    }
    handed_.reset();  // only now: the batch's memory is released before the next is taken
    lock.unlock();
    changed_.notify_all();
  }
}

Result<WriteCounts> BatchWriter::finish() {
  if (finished_) return fail(ErrorKind::kInternal, "BatchWriter::finish called twice");
  if (!filling_.empty()) hand_over();
  {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !handed_.has_value(); });
    closing_ = true;
  }
  changed_.notify_all();
  thread_.join();
  finished_ = true;
  if (error_) return std::unexpected(*error_);
  return totals_;
}

}  // namespace newsdb::ingest
