// Stores written before the search language are migrated: their full-text index is rebuilt from
// the stored rows, so words in every script and joined tokens are found in old articles too.
#include <catch2/catch.hpp>
#include <filesystem>
#include <newsdb/store.hpp>

#include "store/sqlite/database.hpp"
#include "store/sqlite/schema.hpp"
#include "support/fixture_store.hpp"
#include "support/pg_database.hpp"
#include "support/temp_dir.hpp"

using namespace newsdb;

namespace {

std::size_t count(Store& store, const std::string& text) {
  Query q;
  q.filter.text = text;
  q.sort = SortOrder::kRelevance;
  auto found = store.reader().find(q);
  REQUIRE(found.has_value());
  return found->size();
}

}  // namespace

TEST_CASE("a schema 2 SQLite store is reindexed with the search tokens", "[store][sqlite][search]") {
  using newsdb::sqlite::Database;
  test::TempDir dir;
  auto path = (dir.path() / "old.sqlite").string();
  {
    // The store as schema 2 left it: articles_fts on unicode61, one article indexed there.
    auto db = Database::open(path, Database::Access::kReadWrite);
    REQUIRE(db.has_value());
    REQUIRE(db->exec(sqlite::migration_sql(1)));
    REQUIRE(db->exec(sqlite::migration_sql(2)));
    REQUIRE(db->exec("PRAGMA application_id = " + std::to_string(sqlite::kApplicationId) +
                     "; PRAGMA user_version = 2"));
    REQUIRE(db->exec(
        "INSERT INTO articles (id, url, title, body, content_hash, first_seen_at, updated_at) "
        "VALUES (1, 'https://a.example/kyoto', '観光客が京都に戻る', 'Modern C++ elections', 'h', 0, 0)"));
    REQUIRE(db->exec("INSERT INTO articles_fts (rowid, title, excerpt, body, topics_text) "
                     "SELECT id, title, excerpt, body, topics_text FROM articles"));
  }
  auto store = open_store(path, OpenMode::kReadWrite);
  REQUIRE(store.has_value());
  CHECK(count(**store, "観光客") == 1);
  CHECK(count(**store, "C++") == 1);
  CHECK(count(**store, "election") == 1);
  CHECK(count(**store, "C#") == 0);
}

TEST_CASE("a schema 1 PostgreSQL store gets its search vectors recomputed",
          "[store][postgresql][search]") {
  auto db = test::PgDatabase::make(false);
  if (!db) {
    WARN("no PostgreSQL server for this run (scripts/pg_run.sh): nothing checked");
    return;
  }
  {
    auto store = open_store(db->uri(), OpenMode::kReadWrite);
    REQUIRE(store.has_value());
    test::import_files(**store, test::input_files({std::filesystem::path(NEWSDB_TEST_DATA) /
                                                   "search" / "japanese.md"}));
  }
  {
    // What schema 1 held: vectors of plain words (here none at all), no story tables (a later
    // migration's), schema_version 1.
    auto conn = db->connect();
    REQUIRE(conn.exec("UPDATE articles SET search = ''"));
    REQUIRE(conn.exec("DROP TABLE stories, story_members, story_keys, story_state"));
    REQUIRE(conn.exec("UPDATE newsdb_meta SET value = '1' WHERE key = 'schema_version'"));
  }
  auto store = open_store(db->uri(), OpenMode::kReadWrite);
  REQUIRE(store.has_value());
  CHECK(count(**store, "観光客") == 1);
  CHECK(count(**store, "京都") == 1);
}
