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
