// One record the store refuses never fails the import it is in: the other inputs of its batch
// are stored, and it is counted, printed and recorded as failed (store/refused_records.hpp).
#include <catch2/catch.hpp>

#include "ingest/import_fixtures.hpp"
#include "store/refused_records.hpp"
#include "support/backends.hpp"

using namespace newsdb;
using test::article_md;
using test::counts;
using test::import_into;
using test::stored_rows;
using test::write_file;

using Counts = std::vector<std::int64_t>;  // new, updated, unchanged, skipped, failed
using Rows = std::vector<std::string>;

TEST_CASE("an import stores every record but the one the store refuses, and says which",
          "[ingest][import][refused]") {
  test::TempDir dir;
  auto corpus = dir.path() / "corpus";
  for (int i = 10; i < 28; ++i) {
    write_file(corpus / (std::to_string(i) + ".md"),
               article_md("https://e.com/" + std::to_string(i), "Story " + std::to_string(i)));
  }
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend);
      const std::string& db = fresh.spec();
      std::vector<Diagnostic> seen;
      store::refuse_url_for_tests("https://e.com/17");
      auto summary = import_into(db, {corpus.string()}, {}, &seen);
      store::refuse_url_for_tests({});
      CHECK(counts(summary) == Counts{17, 0, 0, 0, 1});
      REQUIRE(seen.size() == 1);
      CHECK(summary.errors == seen);
      CHECK(seen[0].path == (corpus / "17.md").string());
      CHECK_THAT(seen[0].message, Catch::Contains("refused the article https://e.com/17"));
      CHECK(stored_rows(db, "SELECT count(*) FROM articles") == Rows{"17"});
      auto failed = fresh.store().import_log().failed_inputs();
      REQUIRE(failed);
      REQUIRE(failed->size() == 1);
      CHECK((*failed)[0].path == (corpus / "17.md").string());

      // Retried by the next import, stored once the store takes it.
      CHECK(counts(import_into(db, {corpus.string()})) == Counts{1, 0, 17, 0, 0});
      CHECK(stored_rows(db, "SELECT count(*) FROM articles") == Rows{"18"});
    }
  }
}
