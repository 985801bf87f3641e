// Batches sharing one transaction (ArticleWriter::set_batches_per_commit): nothing is visible or
// durable before the commit, and a failed batch loses its open transaction and nothing else.
// SQLite's alone: the PostgreSQL writer commits every batch (it ignores the setting).
#include <catch2/catch.hpp>
#include <newsdb/store.hpp>

#include "store/writer_fixtures.hpp"
#include "support/backends.hpp"
#include "support/store_sql.hpp"

using namespace newsdb;
using test::article;
using test::at;
using test::file;
using Rows = std::vector<std::string>;

namespace {

// A trigger made by another connection makes the write of an article titled 'boom' fail and end
// the transaction, as an I/O error or a full disk does (a record the store refuses costs only
// itself: refused_record_test.cpp).
const std::string kBoomTrigger =
    "CREATE TRIGGER boom BEFORE INSERT ON articles WHEN NEW.title = 'boom' "
    "BEGIN SELECT RAISE(ROLLBACK, 'boom'); END";

}  // namespace

TEST_CASE("SQLite: a failed batch rolls back its open transaction only, committed ones stay",
          "[store][sqlite][writer][shared-transaction]") {
  test::FreshStore fresh("sqlite");
  test::exec_sql(fresh.spec(), kBoomTrigger);
  ArticleWriter& writer = fresh.store().writer();
  writer.set_batches_per_commit(2);

  auto a = article("https://e.com/a", "A");
  a.topics = {"Kept topic"};
  REQUIRE(writer.write_batch(std::vector{file("a.md", {a})}, at(1)));
  REQUIRE(writer.write_batch(std::vector{file("b.md", {article("https://e.com/b", "B")})}, at(1)));
  // The second transaction: c, then a batch that fails.
  auto c = article("https://e.com/c", "C");
  c.topics = {"Lost topic"};
  REQUIRE(writer.write_batch(std::vector{file("c.md", {c})}, at(1)));
  auto failed = writer.write_batch(
      std::vector{file("d.md", {article("https://e.com/d", "boom")})}, at(1));
  REQUIRE_FALSE(failed);
  CHECK_THAT(failed.error().message, Catch::Contains("boom"));

  // The first transaction whole; nothing of the second, import records included.
  const std::string& db = fresh.spec();
  CHECK(test::stored_rows(db, "SELECT url FROM articles ORDER BY url") ==
        Rows{"https://e.com/a", "https://e.com/b"});
  CHECK(test::stored_rows(db, "SELECT path FROM import_files ORDER BY path") ==
        Rows{"a.md", "b.md"});
  CHECK(test::stored_rows(db, "SELECT name FROM topics") == Rows{"Kept topic"});

  // The writer goes on: ids created in the lost transaction are not reused, kept ones still work.
  auto again = writer.write_batch(std::vector{file("c.md", {c}), file("a.md", {a})}, at(2));
  REQUIRE(again);
  CHECK(*again == WriteCounts{1, 0, 1});
  REQUIRE(writer.commit());
  CHECK(test::stored_rows(db,
                          "SELECT a.url, t.name FROM article_topics at JOIN topics t "
                          "ON t.id = at.topic_id JOIN articles a ON a.id = at.article_id "
                          "ORDER BY a.url") ==
        Rows{"https://e.com/a|Kept topic", "https://e.com/c|Lost topic"});
}

TEST_CASE("SQLite: batches in a shared transaction are seen by others only once committed",
          "[store][sqlite][writer][shared-transaction]") {
  test::FreshStore fresh("sqlite");
  ArticleWriter& writer = fresh.store().writer();
  ImportLog& log = fresh.store().import_log();
  writer.set_batches_per_commit(3);
  const std::string& db = fresh.spec();
  auto stored = [&] { return test::stored_rows(db, "SELECT count(*) FROM articles"); };

  REQUIRE(writer.write_batch(std::vector{file("1.md", {article("https://e.com/1", "1")})}, at(1)));
  REQUIRE(writer.write_batch(std::vector{file("2.md", {article("https://e.com/2", "2")})}, at(1)));
  CHECK(stored() == Rows{"0"});
  // The writer's own reads see its open batches (the import's skip rules and a dry run's
  // comparison read through it).
  auto seen = writer.stored_hashes(std::vector<std::string>{"https://e.com/2"});
  REQUIRE(seen);
  CHECK((*seen)[0].has_value());
  auto recorded = log.lookup(std::vector<std::string>{"1.md"});
  REQUIRE(recorded);
  CHECK((*recorded)[0].has_value());

  // The third batch commits all three.
  REQUIRE(writer.write_batch(std::vector{file("3.md", {article("https://e.com/3", "3")})}, at(1)));
  CHECK(stored() == Rows{"3"});
  REQUIRE(writer.write_batch(std::vector{file("4.md", {article("https://e.com/4", "4")})}, at(1)));
  CHECK(stored() == Rows{"3"});
  REQUIRE(writer.commit());
  CHECK(stored() == Rows{"4"});
  REQUIRE(writer.commit());  // nothing open: nothing to do
}

TEST_CASE("SQLite: batches never committed are lost together with their import records",
          "[store][sqlite][writer][shared-transaction]") {
  test::FreshStore fresh("sqlite");
  const std::string& db = fresh.spec();
  {
    auto other = fresh.open_another();
    ArticleWriter& writer = other->writer();
    writer.set_batches_per_commit(4);
    REQUIRE(writer.write_batch(std::vector{file("1.md", {article("https://e.com/1", "1")})},
                               at(1)));
    REQUIRE(writer.write_batch(std::vector{file("2.md", {article("https://e.com/2", "2")})},
                               at(1)));
  }  // closed without commit(), as a killed process would leave it
  CHECK(test::stored_rows(db, "SELECT count(*) FROM articles") == Rows{"0"});
  CHECK(test::stored_rows(db, "SELECT count(*) FROM import_files") == Rows{"0"});
  CHECK(test::stored_rows(db, "PRAGMA integrity_check") == Rows{"ok"});
}
