// A one-line progress bar on a terminal's stderr: inputs done of the total, the rate, the time
// left. Redrawn at most ten times a second; erased by finish(). Writes nothing when stderr is not
// a terminal, so logs and pipes never see it.
#pragma once

#include <chrono>
#include <cstdint>
#include <iosfwd>

namespace newsdb::cli {

class ProgressBar {
 public:
  ProgressBar(std::ostream& err, bool enabled, int width);

  void update(std::int64_t done, std::int64_t total, std::int64_t records);
  // Erases the line, so that what follows starts at column 0.
  void finish();
  // Erases the line before a diagnostic is printed; the next update redraws it.
  void clear();

 private:
  std::ostream& err_;
  bool enabled_;
  int width_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace newsdb::cli
