// What each command does when the database does not exist yet (README, "Exit status"): a read
// command says so and exits 1 (not 2: the command line is right, the store is not there yet);
// the commands whose answer is a list of problems or sources answer with an empty one; none of
// them creates a file.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/run_cli.hpp"

namespace fs = std::filesystem;
using newsdb::test::run_cli;

TEST_CASE("read commands on a missing database exit 1 and say how to make one", "[cli][db]") {
  newsdb::test::TempDir tmp;
  std::string db = (tmp.path() / "none.sqlite").string();
  std::string message =
      "newsdb: error: no database at " + db + ": run `newsdb import` first, or pass --db\n";
  for (auto command : std::vector<std::vector<std::string>>{{"query"},
                                                          {"search", "gpu"},
                                                          {"show", "1"},
                                                          {"related", "1"},
                                                          {"topics"},
                                                          {"providers"},
                                                          {"categories"},
                                                          {"stats"},
                                                          {"export"},
                                                          {"sql", "SELECT 1"}}) {
    command.insert(command.begin(), {"--db", db});
    auto ran = run_cli(command);
    INFO(command[2]);
    CHECK(ran.status == 1);
    CHECK(ran.out.empty());
    CHECK(ran.err == message);
  }
  CHECK_FALSE(fs::exists(db));
}

TEST_CASE("errors, sources and fetch on a missing database answer empty, creating nothing", "[cli][db]") {
  newsdb::test::TempDir tmp;
  std::string db = (tmp.path() / "none.sqlite").string();
  auto errors = run_cli({"--db", db, "errors"});
  CHECK(errors.status == 0);
  CHECK(errors.out == "no failed inputs\n");
  CHECK(run_cli({"--db", db, "errors", "--format", "json"}).out == "[]\n");
  for (auto command : std::vector<std::vector<std::string>>{{"sources", "list"}, {"fetch"}}) {
    command.insert(command.begin(), {"--db", db});
    auto ran = run_cli(command);
    INFO(command[2]);
    CHECK(ran.status == 0);
    CHECK(ran.out == "no sources: add one with `newsdb sources add URL`\n");
    CHECK(ran.err.empty());
  }
  CHECK(run_cli({"--db", db, "sources", "list", "--format", "json"}).out == "[]\n");
  auto remove = run_cli({"--db", db, "sources", "remove", "https://x.org/feed.xml"});
  CHECK(remove.status == 1);
  CHECK(remove.err == "newsdb: error: https://x.org/feed.xml is not a registered source; "
                      "`newsdb sources list` shows them\n");
  CHECK_FALSE(fs::exists(db));  // fetch and sources remove used to create an empty one
}
