#include "cli/progress_bar.hpp"

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <string>

namespace newsdb::cli {

ProgressBar::ProgressBar(std::ostream& err, bool enabled, int width)
    : err_(err), enabled_(enabled), width_(width > 20 ? width : 80),
      start_(std::chrono::steady_clock::now()) {}

void ProgressBar::update(std::int64_t done, std::int64_t total, std::int64_t records) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  double rate = seconds > 0 ? static_cast<double>(records) / seconds : 0;
  double input_rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;

  char tail[96];
  if (total > done && input_rate > 0) {
    auto left = static_cast<long>(static_cast<double>(total - done) / input_rate);
    std::snprintf(tail, sizeof tail, " %lld/%lld files  %.0f docs/s  ETA %ld:%02ld",
                  static_cast<long long>(done), static_cast<long long>(total), rate, left / 60,
                  left % 60);
  } else {
    std::snprintf(tail, sizeof tail, " %lld/%lld files  %.0f docs/s",
                  static_cast<long long>(done), static_cast<long long>(std::max(done, total)),
                  rate);
  }
  int bar = std::max(10, width_ - static_cast<int>(std::string(tail).size()) - 3);
  double fraction = total > 0 ? std::min(1.0, static_cast<double>(done) / total) : 0;
  int filled = static_cast<int>(fraction * bar);
  std::string line = "\r[" + std::string(static_cast<std::size_t>(filled), '=') +
                     std::string(static_cast<std::size_t>(bar - filled), ' ') + "]" + tail;
  err_ << line << std::flush;
  drawn_ = true;
}

void ProgressBar::clear() {
  if (!drawn_) return;
  err_ << "\r\x1b[2K" << std::flush;
  drawn_ = false;
}

void ProgressBar::finish() { clear(); }

}  // namespace newsdb::cli
