// progress_bar.hpp: a known total fills the bar with the time left; a growing one never claims a
// share done or a time left.
#include "cli/progress_bar.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using newsdb::cli::progress_line;
using newsdb::cli::ProgressBar;
using newsdb::cli::Total;

TEST_CASE("a known total fills its share of the bar, with the time left", "[cli][progress]") {
  // 250 of 1000 files in 10 s: 25 files/s, 750 to go = 30 s; 500 records = 50 docs/s.
  std::string line = progress_line(250, 1000, Total::kKnown, 500, 10.0, 80, 0);
  std::string tail = " 250/1000 files  50 docs/s  ETA 0:30";
  REQUIRE(line.ends_with(tail));
  CHECK(line.size() == 79);
  int bar = 79 - static_cast<int>(tail.size()) - 2;
  CHECK(line == "[" + std::string(bar / 4, '=') + std::string(bar - bar / 4, ' ') + "]" + tail);
}

TEST_CASE("a growing total sweeps, shown as a lower bound with the time so far",
          "[cli][progress]") {
  std::string line = progress_line(250, 4346, Total::kGrowing, 500, 70.0, 80, 0);
  std::string tail = " 250/4346+ files  7 docs/s  1:10 so far";
  REQUIRE(line.ends_with(tail));
  CHECK(line.find("ETA") == std::string::npos);
  CHECK(line.find('=') == line.find("<=>") + 1);  // no filled share: the sweep's '=' alone
  CHECK(line.starts_with("[<=>  "));
  // The sweep moves a column a step, to the end and back.
  int inside = static_cast<int>(line.size() - tail.size()) - 2;
  CHECK(progress_line(250, 4346, Total::kGrowing, 500, 70.0, 80, 5).starts_with("[     <=>"));
  std::string at_end = progress_line(250, 4346, Total::kGrowing, 500, 70.0, 80, inside - 3);
  CHECK(at_end.starts_with("[" + std::string(inside - 3, ' ') + "<=>]"));
  CHECK(progress_line(250, 4346, Total::kGrowing, 500, 70.0, 80, inside - 1)
            .starts_with("[" + std::string(inside - 5, ' ') + "<=>  ]"));
}

TEST_CASE("the bar draws on its stream only when enabled", "[cli][progress]") {
  std::ostringstream on, off;
  ProgressBar drawn(on, true, 80), silent(off, false, 80);
  drawn.update(1, 2, Total::kGrowing, 1);
  silent.update(1, 2, Total::kGrowing, 1);
  CHECK(on.str().starts_with("\r[<=>"));
  CHECK(on.str().find(" 1/2+ files") != std::string::npos);
  CHECK(off.str().empty());
  drawn.finish();
  CHECK(on.str().ends_with("\r\x1b[2K"));
}
