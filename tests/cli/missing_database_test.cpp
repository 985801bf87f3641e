// What each command does when the database does not exist yet (README, "Exit status"): a read
// command says so and exits 1 (not 2: the command line is right, the store is not there yet);
// the commands whose answer is a list of problems or sources answer with an empty one; none of
// them creates a file.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "cli/run_cli.hpp"
#include "support/backends.hpp"

using newsdb::test::run_cli;

namespace {

// What a read command says when `fresh`'s database does not exist: a SQLite path, or a PostgreSQL
// database named by the last part of the URI.
std::string missing_message(const newsdb::test::FreshStore& fresh) {
  const std::string& db = fresh.spec();
  if (fresh.backend() == "sqlite") {
    return "newsdb: error: no database at " + db + ": run `newsdb import` first, or pass --db\n";
  }
  return "newsdb: error: no PostgreSQL database \"" + db.substr(db.rfind('/') + 1) +
         "\" on that server: run `newsdb import` first, or pass another --db\n";
}

}  // namespace

TEST_CASE("read commands on a missing database exit 1 and say how to make one", "[cli][db]") {
  for (const auto& backend : newsdb::test::backends()) {
    DYNAMIC_SECTION(backend) {
      newsdb::test::FreshStore fresh(backend, newsdb::test::Creation::kLater);
      const std::string& db = fresh.spec();
      const std::string message = missing_message(fresh);
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
      CHECK_FALSE(fresh.exists());
    }
  }
}

TEST_CASE("errors, sources and fetch on a missing database answer empty, creating nothing",
          "[cli][db]") {
  for (const auto& backend : newsdb::test::backends()) {
    DYNAMIC_SECTION(backend) {
      newsdb::test::FreshStore fresh(backend, newsdb::test::Creation::kLater);
      const std::string& db = fresh.spec();
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
      CHECK(remove.err ==
            "newsdb: error: https://x.org/feed.xml is not a registered source; "
            "`newsdb sources list` shows them\n");
      CHECK_FALSE(fresh.exists());  // fetch and sources remove used to create an empty one
    }
  }
}
