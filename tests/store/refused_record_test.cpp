// A record the store refuses costs only itself (store/refused_records.hpp): the writers leave it
// out, write the rest of its batch, and record its input as failed with the reason. The refusal
// is real: the seam writes the record with a NULL that the schema forbids, as a value the backend
// cannot hold would be refused.
#include <catch2/catch.hpp>
#include <newsdb/store.hpp>

#include "store/parsed_file.hpp"
#include "store/refused_records.hpp"
#include "store/writer_fixtures.hpp"
#include "support/backends.hpp"
#include "support/store_sql.hpp"

using namespace newsdb;
using test::article;
using test::at;
using test::file;
using Rows = std::vector<std::string>;

namespace {

// Refuses the article with `url` while in scope.
class Refusing {
 public:
  explicit Refusing(std::string url) { store::refuse_url_for_tests(std::move(url)); }
  ~Refusing() { store::refuse_url_for_tests({}); }
};

// n inputs of one article each, https://e.com/<i> from <i>.md, in order.
std::vector<ParsedFile> inputs(int first, int n, const std::string& title = "v1") {
  std::vector<ParsedFile> out;
  for (int i = first; i < first + n; ++i) {
    std::string name = std::to_string(i);
    out.push_back(file(name + ".md", {article("https://e.com/" + name, title + " " + name)}));
  }
  return out;
}

}  // namespace

TEST_CASE("a record the store refuses fails its input, and the rest of the batch is stored",
          "[store][writer][refused]") {
  // 18 inputs, as the store met them in the field; 200, to go through PostgreSQL's two-part
  // writing (from 64 articles) and its final rows.
  for (const auto& backend : test::backends()) {
    for (int n : {18, 200}) {
      DYNAMIC_SECTION(backend << ", " << n << " inputs") {
        test::FreshStore fresh(backend);
        const std::string& db = fresh.spec();
        ArticleWriter& writer = fresh.store().writer();
        ImportLog& log = fresh.store().import_log();
        std::vector<ParsedFile> batch = inputs(0, n);
        // One input of three articles, the middle one refused.
        batch.push_back(file("many.ndjson",
                             {article("https://e.com/m1", "m1"), article("https://e.com/m2", "m2"),
                              article("https://e.com/m3", "m3")}));
        Refusing refusing("https://e.com/m2");
        auto counts = writer.write_batch(batch, at(1));
        REQUIRE(counts);
        CHECK(counts->added == n + 2);
        CHECK(counts->updated + counts->unchanged == 0);
        REQUIRE(counts->refused.size() == 1);
        CHECK(counts->refused[0].path == "many.ndjson");
        CHECK_THAT(counts->refused[0].message,
                   Catch::Contains("https://e.com/m2") && Catch::Contains("topics_text"));
        REQUIRE(writer.commit());

        CHECK(test::stored_rows(db, "SELECT count(*) FROM articles") ==
              Rows{std::to_string(n + 2)});
        CHECK(test::stored_rows(
                  db, "SELECT count(*) FROM articles WHERE url = 'https://e.com/m2'") == Rows{"0"});
        CHECK(
            test::stored_rows(db, "SELECT outcome FROM import_files WHERE path = 'many.ndjson'") ==
            Rows{"failed"});
        CHECK(
            test::stored_rows(db, "SELECT count(*) FROM import_files WHERE outcome = 'imported'") ==
            Rows{std::to_string(n)});
        auto failed = log.failed_inputs();
        REQUIRE(failed);
        REQUIRE(failed->size() == 1);
        CHECK((*failed)[0].path == "many.ndjson");
        REQUIRE((*failed)[0].diagnostics.size() == 1);
        CHECK((*failed)[0].diagnostics[0].message == counts->refused[0].message);
      }
    }
  }
}

TEST_CASE("a refused update keeps the stored version, and counts stay exact around it",
          "[store][writer][refused]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend);
      const std::string& db = fresh.spec();
      ArticleWriter& writer = fresh.store().writer();
      REQUIRE(writer.write_batch(inputs(0, 100), at(1)));
      REQUIRE(writer.commit());

      // Every article revised, one of them refused; a new one at the end.
      std::vector<ParsedFile> batch = inputs(0, 100, "v2");
      batch.push_back(file("new.md", {article("https://e.com/new", "new")}));
      Refusing refusing("https://e.com/42");
      auto counts = writer.write_batch(batch, at(2));
      REQUIRE(counts);
      REQUIRE(writer.commit());
      CHECK(counts->added == 1);
      CHECK(counts->updated == 99);
      CHECK(counts->refused.size() == 1);
      CHECK(test::stored_rows(db, "SELECT title FROM articles WHERE url = 'https://e.com/42'") ==
            Rows{"v1 42"});
      CHECK(test::stored_rows(db, "SELECT title FROM articles WHERE url = 'https://e.com/43'") ==
            Rows{"v2 43"});
      CHECK(test::stored_rows(db, "SELECT outcome FROM import_files WHERE path = '42.md'") ==
            Rows{"failed"});
      // The full-text index still agrees with the rows (the refused update was undone whole).
      if (backend == "sqlite") {
        test::exec_sql(db, "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')");
        CHECK(test::stored_rows(db,
                                "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH "
                                "'v1'") == Rows{"1"});
      }
    }
  }
}

TEST_CASE("SQLite: a refused record costs only its own batch's work, not the batches before it",
          "[store][sqlite][writer][refused][shared-transaction]") {
  test::FreshStore fresh("sqlite");
  const std::string& db = fresh.spec();
  ArticleWriter& writer = fresh.store().writer();
  writer.set_batches_per_commit(3);
  REQUIRE(writer.write_batch(inputs(0, 10), at(1)));
  REQUIRE(writer.write_batch(inputs(10, 10), at(1)));
  {
    Refusing refusing("https://e.com/25");
    auto third = writer.write_batch(inputs(20, 10), at(1));  // commits all three
    REQUIRE(third);
    CHECK(third->added == 9);
  }
  CHECK(test::stored_rows(db, "SELECT count(*) FROM articles") == Rows{"29"});
  CHECK(test::stored_rows(db, "SELECT count(*) FROM import_files") == Rows{"30"});
  // The first batch of a transaction is undone by its transaction, and the writer goes on.
  {
    Refusing refusing("https://e.com/30");
    REQUIRE(writer.write_batch(inputs(30, 10), at(1)));
  }
  REQUIRE(writer.write_batch(inputs(40, 10), at(1)));
  REQUIRE(writer.commit());
  CHECK(test::stored_rows(db, "SELECT count(*) FROM articles") == Rows{"48"});
  CHECK(test::stored_rows(db, "PRAGMA integrity_check") == Rows{"ok"});
}
