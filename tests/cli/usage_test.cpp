// Usage errors at the top level: a mistyped command is named, with the list of real ones.
#include <catch2/catch.hpp>

#include "cli/run_cli.hpp"
#include "support/build_paths.hpp"

using newsdb::test::run_cli;

TEST_CASE("a mistyped command is named and the real commands are listed", "[usage]") {
  auto ran = run_cli({"--db", "x.sqlite", "serach", "cafe"});
  CHECK(ran.status == 2);
  CHECK(ran.out.empty());
  CHECK(ran.err.find("unknown command 'serach'") != std::string::npos);
  CHECK(ran.err.find("search") != std::string::npos);
  CHECK(ran.err.find("import") != std::string::npos);
}

TEST_CASE("a real command after --db VALUE is not mistaken for a typo", "[usage]") {
  // `query` is the value of --db here, and `check` the command: check on a missing path fails
  // with exit 1, not a usage error.
  auto ran = run_cli({"--db", "query", "check", "/nonexistent/newsdb-usage-test"});
  CHECK(ran.status == 1);
  CHECK(ran.err.find("unknown command") == std::string::npos);
}

TEST_CASE("the thread count of --jobs is 1 to 1024, and a bad one says so", "[usage]") {
  // Import runs --dry-run, so that no x.sqlite is made; check writes nothing anyway.
  for (std::vector<std::string> command :
       {std::vector<std::string>{"import", "--dry-run"}, {"check"}}) {
    auto run = [&](const std::string& jobs) {
      std::vector<std::string> args = {"--db", "x.sqlite"};
      args.insert(args.end(), command.begin(), command.end());
      args.insert(args.end(), {"--jobs=" + jobs, "/nonexistent/newsdb-usage"});
      return run_cli(args);
    };
    for (const char* jobs : {"0", "-3", "abc", "1025", "2.5"}) {
      auto ran = run(jobs);
      INFO(command[0] << " --jobs " << jobs << ": " << ran.err);
      CHECK(ran.status == 2);
      CHECK_THAT(ran.err, Catch::Contains("--jobs") &&
                              Catch::Contains(std::string("needs a number of threads from 1 to "
                                                          "1024, not '") + jobs + "'"));
    }
    // In range, the option is taken: the missing path is the error (exit 1), not --jobs.
    auto ran = run("1024");
    INFO(command[0] << ": " << ran.err);
    CHECK(ran.status == 1);
    CHECK_THAT(ran.err, !Catch::Contains("--jobs"));
  }
}
