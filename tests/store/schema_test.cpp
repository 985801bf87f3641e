// The SQLite store's file and schema: creation, refusal, migration, page size. SQLite's alone
// (files, PRAGMAs); PostgreSQL's schema tests are tests/store/postgres_schema_test.cpp.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <newsdb/store.hpp>

#include "store/sqlite/database.hpp"
#include "store/sqlite/schema.hpp"
#include "support/temp_dir.hpp"

using namespace newsdb;

TEST_CASE("a new database is created with missing parent folders", "[store][sqlite]") {
  test::TempDir dir;
  auto path = dir.path() / "a" / "b" / "news.sqlite";
  auto store = open_store(path.string(), OpenMode::kReadWrite);
  REQUIRE(store.has_value());
  CHECK(std::filesystem::exists(path));
  CHECK((*store)->backend_name() == "sqlite");
}

TEST_CASE("a file that is not SQLite is refused with a clear message", "[store][sqlite]") {
  test::TempDir dir;
  auto path = dir.path() / "notes.txt";
  std::ofstream(path) << "these are my notes, not a database\n" << std::string(5000, 'x');
  auto store = open_store(path.string(), OpenMode::kReadWrite);
  REQUIRE_FALSE(store.has_value());
  CHECK(store.error().kind == ErrorKind::kStore);
  CHECK_THAT(store.error().message, Catch::Contains("not a newsdb database"));
}

TEST_CASE("a read-only open of a missing database says to import first", "[store][sqlite]") {
  test::TempDir dir;
  auto store = open_store((dir.path() / "none.sqlite").string(), OpenMode::kReadOnly);
  REQUIRE_FALSE(store.has_value());
  CHECK(store.error().kind == ErrorKind::kNotFound);
  CHECK_THAT(store.error().message, Catch::Contains("newsdb import"));
}

namespace {

std::string text_of(newsdb::sqlite::Database& db, const std::string& sql) {
  auto stmt = db.prepare(sql);
  REQUIRE(stmt.has_value());
  auto row = stmt->step();
  REQUIRE(row.has_value());
  return *row ? stmt->column_text(0) : std::string("(no row)");
}

}  // namespace

TEST_CASE("a schema 1 store is migrated: related entries kept, rowid table, FTS merge settings",
          "[store][sqlite]") {
  using newsdb::sqlite::Database;
  test::TempDir dir;
  auto path = (dir.path() / "old.sqlite").string();
  {
    // The store as newsdb's first schema left it, with one article and two related entries.
    auto db = Database::open(path, Database::Access::kReadWrite);
    REQUIRE(db.has_value());
    REQUIRE(db->exec(sqlite::migration_sql(1)));
    REQUIRE(db->exec("PRAGMA application_id = " + std::to_string(sqlite::kApplicationId) +
                     "; PRAGMA user_version = 1"));
    REQUIRE(db->exec(
        "INSERT INTO articles (id, url, title, content_hash, first_seen_at, updated_at) "
        "VALUES (7, 'https://a.example/story', 'Story', 'h', 0, 0)"));
    REQUIRE(db->exec(
        "INSERT INTO related (article_id, position, url, title, published_at, provider_name, "
        "provider_domain, doc) VALUES "
        "(7, 1, 'https://c.example/two', 'Two', NULL, NULL, NULL, "
        "'{\"title\":\"Two\",\"webUrl\":\"https://c.example/two\"}'), "
        "(7, 0, 'https://b.example/one', 'One', 1700000000, 'B', 'b.example', "
        "'{\"title\":\"One\",\"webUrl\":\"https://b.example/one\"}')"));
  }
  auto store = open_store(path, OpenMode::kReadWrite);
  REQUIRE(store.has_value());
  store->reset();

  auto db = Database::open(path, Database::Access::kReadWrite);
  REQUIRE(db.has_value());
  CHECK(text_of(*db, "PRAGMA user_version") == std::to_string(sqlite::latest_schema_version()));
  CHECK(text_of(*db, "SELECT group_concat(position || ':' || title || ':' || "
                     "ifnull(provider_domain, '-'), ' ') FROM (SELECT * FROM related "
                     "WHERE article_id = 7 ORDER BY position)") == "0:One:b.example 1:Two:-");
  CHECK_THAT(text_of(*db, "SELECT sql FROM sqlite_master WHERE name = 'related'"),
             !Catch::Contains("WITHOUT ROWID"));
  CHECK(text_of(*db, "SELECT v FROM articles_fts_config WHERE k = 'automerge'") == "8");
  // Still one entry per (article, position).
  CHECK(db->exec("INSERT INTO related (article_id, position, title, doc) "
                 "VALUES (7, 2, 'Three', '{}')"));
  auto dup = db->exec("INSERT INTO related (article_id, position, title, doc) "
                      "VALUES (7, 0, 'Dup', '{}')");
  REQUIRE_FALSE(dup.has_value());
  CHECK_THAT(dup.error().message, Catch::Contains("UNIQUE"));
}

TEST_CASE("a new store uses 8 KB pages", "[store][sqlite]") {
  test::TempDir dir;
  auto path = (dir.path() / "new.sqlite").string();
  REQUIRE(open_store(path, OpenMode::kReadWrite).has_value());
  auto db = newsdb::sqlite::Database::open(path, newsdb::sqlite::Database::Access::kReadOnly);
  REQUIRE(db.has_value());
  CHECK(text_of(*db, "PRAGMA page_size") == "8192");
}
