// A one-line progress bar on a terminal's stderr: inputs done of the total, the rate, the time
// left. Redrawn at most ten times a second; erased by finish(). Writes nothing when stderr is not
// a terminal, so logs and pipes never see it.
//
// A total that is still growing (the import walks its folders as it goes: no counting walk first)
// is never drawn as a share done: the bar sweeps instead of filling, the total is shown as a lower
// bound ("1200/5000+ files") and the time taken so far replaces the time left.
#pragma once

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>

namespace newsdb::cli {

enum class Total {
  kKnown,    // the whole count: the bar fills, with the time left
  kGrowing,  // what has been found so far: more may come
};

class ProgressBar {
 public:
  ProgressBar(std::ostream& err, bool enabled, int width);

  void update(std::int64_t done, std::int64_t total, Total kind, std::int64_t records);
  // Erases the line, so that what follows starts at column 0.
  void finish();
  // Erases the line before a diagnostic is printed; the next update redraws it.
  void clear();

 private:
  std::ostream& err_;
  bool enabled_;
  int width_;
  bool drawn_ = false;
  int draws_ = 0;  // moves the sweep while the total grows
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_{};
};

// The line update() draws (without the leading '\r'), `seconds` after the start, narrower than
// `width` columns (unless the counts alone are wider); `step` places the sweep of a growing total.
std::string progress_line(std::int64_t done, std::int64_t total, Total kind, std::int64_t records,
                          double seconds, int width, int step);

}  // namespace newsdb::cli
