#include "support/kill_child.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>
#include <thread>

namespace newsdb::test {
namespace {

// Whether the child has ended; reaps it when it has. EINTR is asked again.
bool reaped(pid_t pid) {
  for (;;) {
    pid_t r = ::waitpid(pid, nullptr, WNOHANG);
    if (r == pid) return true;
    if (r == 0) return false;
    if (errno != EINTR) return true;  // not our child (any more): nothing left to kill
  }
}

}  // namespace

KillOutcome kill_at(pid_t pid, const KillMoment& moment) {
  if (moment.progress) {
    auto deadline = std::chrono::steady_clock::now() + moment.progress_timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      if (reaped(pid)) return KillOutcome::kFinishedFirst;
      if (moment.progress()) break;
      std::this_thread::sleep_for(moment.poll);
    }
  }
  std::this_thread::sleep_for(moment.then);
  if (reaped(pid)) return KillOutcome::kFinishedFirst;
  ::kill(pid, SIGKILL);
  while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
  }
  return KillOutcome::kKilled;
}

pid_t start_newsdb_quietly(const std::vector<std::string>& args) {
  std::vector<std::string> argv_text{NEWSDB_BINARY};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    // Only async-signal-safe calls after fork: everything else was prepared above.
    int in = ::open("/dev/null", O_RDONLY);
    int out = ::open("/dev/null", O_WRONLY);
    ::dup2(in, STDIN_FILENO);
    ::dup2(out, STDOUT_FILENO);
    ::dup2(out, STDERR_FILENO);
    ::execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

}  // namespace newsdb::test
