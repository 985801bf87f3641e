#include "cli/progress_bar.hpp"

#include <algorithm>
#include <cstdio>
#include <ostream>

namespace newsdb::cli {
namespace {

std::string minutes_seconds(double seconds) {
  auto s = static_cast<long>(seconds);
  char text[32];
  std::snprintf(text, sizeof text, "%ld:%02ld", s / 60, s % 60);
  return text;
}

// The part of the bar done, as '=' from the left.
std::string filled(int width, double fraction) {
  int n = static_cast<int>(std::clamp(fraction, 0.0, 1.0) * width);
  return std::string(static_cast<std::size_t>(n), '=') +
         std::string(static_cast<std::size_t>(width - n), ' ');
}

// A short block going to and fro: the import is working, with no claim of how far it is.
std::string sweep(int width, int step) {
  constexpr int kBlock = 3;
  int span = std::max(1, width - kBlock);
  int at = step % (2 * span);
  if (at > span) at = 2 * span - at;
  at = std::min(at, width - kBlock);
  return std::string(static_cast<std::size_t>(at), ' ') + "<=>" +
         std::string(static_cast<std::size_t>(width - kBlock - at), ' ');
}

}  // namespace

std::string progress_line(std::int64_t done, std::int64_t total, Total kind, std::int64_t records,
                          double seconds, int width, int step) {
  double rate = seconds > 0 ? static_cast<double>(records) / seconds : 0;
  double input_rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
  total = std::max(done, total);
  char counts[64];
  std::snprintf(counts, sizeof counts, " %lld/%lld%s files  %.0f docs/s",
                static_cast<long long>(done), static_cast<long long>(total),
                kind == Total::kGrowing ? "+" : "", rate);
  std::string tail = counts;
  if (kind == Total::kGrowing) {
    tail += "  " + minutes_seconds(seconds) + " so far";
  } else if (total > done && input_rate > 0) {
    tail += "  ETA " + minutes_seconds(static_cast<double>(total - done) / input_rate);
  }
  // One column is left free: a line as wide as the terminal wraps on some of them.
  int bar = std::max(10, width - static_cast<int>(tail.size()) - 3);
  std::string inside = kind == Total::kGrowing
                           ? sweep(bar, step)
                           : filled(bar, total > 0 ? static_cast<double>(done) / total : 0);
  return "[" + inside + "]" + tail;
}

ProgressBar::ProgressBar(std::ostream& err, bool enabled, int width)
    : err_(err), enabled_(enabled), width_(width > 20 ? width : 80),
      start_(std::chrono::steady_clock::now()) {}

void ProgressBar::update(std::int64_t done, std::int64_t total, Total kind,
                         std::int64_t records) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  err_ << '\r' << progress_line(done, total, kind, records, seconds, width_, draws_++)
       << std::flush;
  drawn_ = true;
}

void ProgressBar::clear() {
  if (!drawn_) return;
  err_ << "\r\x1b[2K" << std::flush;
  drawn_ = false;
}

void ProgressBar::finish() { clear(); }

}  // namespace newsdb::cli
