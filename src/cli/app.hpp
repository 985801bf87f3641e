// The newsdb command line: parses argv, runs one command, returns the process exit status
// (docs/cli.md: 0 success, 1 some input failed or nothing matched, 2 usage error).
#pragma once

namespace newsdb::cli {

int run(int argc, char** argv);

}  // namespace newsdb::cli
