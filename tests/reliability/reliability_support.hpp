// Helpers for the reliability tests: the newsdb binary started as a child process under
// conditions a test chooses (a file size limit, another user), a corpus whose every article has a
// known shape, and the checks a database must pass whatever happened to the process writing it.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace newsdb::test {

// Whether this test binary is built with AddressSanitizer, whose shadow memory and quarantine
// dominate a process's peak memory and need terabytes of address space (no `ulimit -v`).
constexpr bool under_sanitizer() {
#if defined(__SANITIZE_ADDRESS__)
  return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return true;
#else
  return false;
#endif
#else
  return false;
#endif
}

struct ChildOptions {
  // RLIMIT_FSIZE in bytes, with SIGXFSZ ignored, so that a write past it fails with EFBIG the way
  // a full disk fails a write (instead of killing the process).
  std::optional<std::uint64_t> file_size_limit;
  // Run as this uid/gid (the tests use nobody when they run as root, since root ignores
  // permissions). The binary must be reachable by that user.
  std::optional<uid_t> user;
  std::string binary;  // empty: NEWSDB_BINARY
};

struct Child {
  pid_t pid = -1;
  std::filesystem::path out, err;  // where its stdout and stderr go
};

struct ChildResult {
  int exit_code = -1;  // -1 when killed by a signal
  int signal = 0;
  long max_rss_kb = 0;  // the child's peak resident memory
  std::string out, err;
};

// Starts `newsdb ARGS...` with stdin from /dev/null; its output goes to files in `scratch`.
Child start_newsdb(const std::vector<std::string>& args, const std::filesystem::path& scratch,
                   const ChildOptions& options = {});
// Waits for the child and reads what it printed.
ChildResult wait_for(const Child& child);
// start_newsdb + wait_for.
ChildResult run_child(const std::vector<std::string>& args, const std::filesystem::path& scratch,
                      const ChildOptions& options = {});

// The corpus of the crash and concurrency tests: article i (for i in [first, first + count)) at
// DIR/<i % 50>/<i>.md with URL https://e.com/<i>. Version 1: title "Story i", topics
// "Topic <i % 7>" and "Shared", one image. Version 2 (revised): title "Story i revised", topics
// "Topic <(i + 1) % 7>", "Shared" and "Revised", two images. Returns the files written.
enum class Revision { kOriginal, kRevised };
std::vector<std::filesystem::path> write_corpus(const std::filesystem::path& dir, int first,
                                                int count, Revision revision);

// Checks (as Catch2 CHECKs) what every database must satisfy whatever happened to its writer:
// integrity_check and foreign_key_check pass, the FTS index agrees with the articles, and every
// article of the write_corpus shape is whole (all its topics and images, in one version).
void check_sound(const std::string& db);

std::int64_t count_of(const std::string& db, const std::string& sql);

}  // namespace newsdb::test
