// A new, empty store on one backend for one test, and the newsdb binary run on it as a user would:
//
//   for (const auto& backend : test::backends()) {
//     DYNAMIC_SECTION(backend) {
//       test::CliDb db(backend);
//       auto r = db.run({"sources", "add", url});   // newsdb --db SPEC sources add URL
#pragma once

#include <string>
#include <vector>

#include "support/backends.hpp"
#include "support/process.hpp"

namespace newsdb::test {

struct CliDb {
  explicit CliDb(const std::string& backend) : fresh(backend) {}

  // newsdb --db SPEC ARGS..., with `stdin_text` on its stdin.
  ProcessResult run(std::vector<std::string> args, const std::string& stdin_text = "") const {
    args.insert(args.begin(), {"--db", fresh.spec()});
    return run_newsdb(args, stdin_text);
  }

  FreshStore fresh;
};

}  // namespace newsdb::test
