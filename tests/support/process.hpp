// Running the newsdb binary from a test, as a user would: arguments, optional stdin, and what
// comes back (exit status, stdout, stderr).
#pragma once

#include <string>
#include <vector>

namespace newsdb::test {

struct ProcessResult {
  int exit_code = -1;  // the exit status; 128 + signal when killed by one
  std::string out;
  std::string err;
};

// Runs NEWSDB_BINARY with `args` in the current directory, feeding `stdin_text` to its stdin.
ProcessResult run_newsdb(const std::vector<std::string>& args, const std::string& stdin_text = "");

}  // namespace newsdb::test
