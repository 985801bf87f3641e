// Killing a child process the way a crash would (SIGKILL: no clean-up of any kind) at a moment a
// test chooses: once the child has made some progress, and then a while more. The crash tests
// (an import killed mid-way, on every backend) share it.
//
//   pid_t pid = test::start_newsdb_quietly({"--db", db, "import", corpus});
//   auto outcome = test::kill_at(pid, {.progress = [&] { return articles(db) > 0; },
//                                      .then = std::chrono::milliseconds(random() % 400)});
#pragma once

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace newsdb::test {

// When to kill: first wait for `progress` (asked every `poll` until it says true, the child ends,
// or `progress_timeout` passes; no function: no wait), then `then` more.
struct KillMoment {
  std::function<bool()> progress;
  std::chrono::milliseconds poll{5};
  std::chrono::milliseconds progress_timeout{60'000};
  std::chrono::microseconds then{0};
};

enum class KillOutcome {
  kKilled,         // it was still running and SIGKILL ended it
  kFinishedFirst,  // it had ended on its own before the moment came
};

// Waits for `moment`, then kills `pid` with SIGKILL unless it has ended by then. Either way the
// child is reaped before this returns (its exit status is not kept). `pid` must be a child of
// this process that nobody has waited for yet.
KillOutcome kill_at(pid_t pid, const KillMoment& moment);

// Starts NEWSDB_BINARY with `args`, stdin from /dev/null and its output thrown away, and returns
// its pid at once (for kill_at). Throws when it cannot fork.
pid_t start_newsdb_quietly(const std::vector<std::string>& args);

}  // namespace newsdb::test
