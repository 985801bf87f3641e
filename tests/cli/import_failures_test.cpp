// What `import` and `errors` say of failures: the summary counts records and names the inputs
// they are in, `errors` counts inputs and their problems, and records read from standard input
// (which no later import can read again) say what to do instead of promising a retry.
#include <catch2/catch.hpp>

#include "ingest/import_fixtures.hpp"
#include "support/backends.hpp"
#include "support/process.hpp"

using namespace newsdb;
using test::article_md;
using test::run_newsdb;
using test::write_file;

TEST_CASE("the import summary counts failed records in inputs, errors counts inputs",
          "[cli][errors]") {
  test::TempDir dir;
  // Two bad lines in one NDJSON file, one bad file: 3 records in 2 inputs.
  write_file(dir.path() / "in" / "lines.ndjson",
             "{\"title\": 1, \"webUrl\": \"https://e.com/1\"}\n"
             "{\"title\": \"ok\", \"webUrl\": \"https://e.com/2\"}\n"
             "{\"title\": 2, \"webUrl\": \"https://e.com/3\"}\n");
  write_file(dir.path() / "in" / "bad.md", article_md("https://e.com/b", "B", "quality: x\n"));
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend);
      const std::string& db = fresh.spec();
      auto r = run_newsdb({"--db", db, "import", (dir.path() / "in").string()});
      CHECK(r.exit_code == 1);
      CHECK_THAT(r.err, Catch::Contains("newsdb: 3 records failed, in 2 inputs: `newsdb errors` "
                                        "lists the inputs; the next import retries them\n"));
      auto listed = run_newsdb({"--db", db, "errors"});
      CHECK_THAT(listed.out, Catch::EndsWith("\n2 inputs failed, with 3 problems; `newsdb import` "
                                             "retries them\n"));
    }
  }
}

TEST_CASE(
    "failed records from standard input say to import them again, not that they will be "
    "retried",
    "[cli][errors]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend);
      const std::string& db = fresh.spec();
      auto r = run_newsdb({"--db", db, "import", "-"},
                          "{\"title\": \"ok\", \"webUrl\": \"https://e.com/1\"}\n{\"title\": 1}\n");
      CHECK(r.exit_code == 1);
      CHECK_THAT(r.err,
                 Catch::Contains("newsdb: 1 record failed, in 1 input: `newsdb errors` lists "
                                 "the inputs; standard input is not kept to retry: fix "
                                 "those records and import them again with `newsdb import "
                                 "-`\n"));
      CHECK_THAT(r.err, !Catch::Contains("retries"));
      auto listed = run_newsdb({"--db", db, "errors"});
      CHECK_THAT(listed.out, Catch::Contains("1 input failed, with 2 problems; `-` is standard "
                                             "input, which is not kept: fix those records and "
                                             "import them again with `newsdb import -`\n"));
      CHECK_THAT(listed.out, !Catch::Contains("retries"));
    }
  }
}
