// The PostgreSQL backend's own behaviour: opening, creating and migrating databases. The store and
// query behaviour both backends share is tested once, for every backend, elsewhere.
#include <catch2/catch.hpp>
#include <newsdb/store.hpp>
#include <thread>

#include "store/parsed_file.hpp"
#include "store/postgres/schema.hpp"
#include "support/pg_database.hpp"

using namespace newsdb;

TEST_CASE("a missing PostgreSQL database is created and migrated on a writable open",
          "[store][postgresql]") {
  auto db = test::PgDatabase::make(/*create=*/false);
  if (!db) return;
  auto store = open_store(db->uri(), OpenMode::kReadWrite);
  REQUIRE(store.has_value());
  CHECK((*store)->backend_name() == "postgresql");

  auto conn = db->connect();
  auto version = conn.exec("SELECT value FROM newsdb_meta WHERE key = 'schema_version'");
  REQUIRE(version.has_value());
  REQUIRE(version->rows() == 1);
  CHECK(version->text(0, 0) == std::to_string(postgres::latest_schema_version()));
  auto tables = conn.exec(
      "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename IN "
      "('articles', 'article_topics', 'topics', 'providers', 'images', 'related', "
      "'import_files', 'import_errors', 'sources')");
  REQUIRE(tables.has_value());
  CHECK(tables->int64(0, 0) == 9);
}

TEST_CASE("several processes opening one new database at once all succeed",
          "[store][postgresql]") {
  auto db = test::PgDatabase::make(/*create=*/false);
  if (!db) return;
  constexpr int kOpeners = 4;
  std::vector<std::string> errors(kOpeners);
  std::vector<std::thread> threads;
  for (int i = 0; i < kOpeners; ++i) {
    threads.emplace_back([&, i] {
      auto store = open_store(db->uri(), OpenMode::kReadWrite);
      if (!store) errors[static_cast<std::size_t>(i)] = store.error().message;
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& e : errors) CHECK(e == "");
}

TEST_CASE("opening twice leaves the schema as it is", "[store][postgresql]") {
  auto db = test::PgDatabase::make(false);
  if (!db) return;
  REQUIRE(open_store(db->uri(), OpenMode::kReadWrite).has_value());
  REQUIRE(open_store(db->uri(), OpenMode::kReadWrite).has_value());
  REQUIRE(open_store(db->uri(), OpenMode::kReadOnly).has_value());
}

TEST_CASE("a database holding other tables is not taken over", "[store][postgresql]") {
  auto db = test::PgDatabase::make();
  if (!db) return;
  auto conn = db->connect();
  REQUIRE(conn.exec("CREATE TABLE invoices (id integer)").has_value());
  auto store = open_store(db->uri(), OpenMode::kReadWrite);
  REQUIRE_FALSE(store.has_value());
  CHECK(store.error().kind == ErrorKind::kStore);
  CHECK_THAT(store.error().message, Catch::Contains("not a newsdb database"));
  auto still = conn.exec("SELECT count(*) FROM pg_tables WHERE tablename = 'articles'");
  REQUIRE(still.has_value());
  CHECK(still->int64(0, 0) == 0);
}

TEST_CASE("a database written by a newer newsdb is refused", "[store][postgresql]") {
  auto db = test::PgDatabase::make(false);
  if (!db) return;
  REQUIRE(open_store(db->uri(), OpenMode::kReadWrite).has_value());
  auto conn = db->connect();
  REQUIRE(conn.exec("UPDATE newsdb_meta SET value = '999' WHERE key = 'schema_version'"));
  for (auto mode : {OpenMode::kReadWrite, OpenMode::kReadOnly}) {
    auto store = open_store(db->uri(), mode);
    REQUIRE_FALSE(store.has_value());
    CHECK(store.error().kind == ErrorKind::kStore);
    CHECK_THAT(store.error().message, Catch::Contains("newer newsdb"));
  }
}

TEST_CASE("a read-only open of a missing or empty database says to import first",
          "[store][postgresql]") {
  auto missing = test::PgDatabase::make(false);
  if (!missing) return;
  auto store = open_store(missing->uri(), OpenMode::kReadOnly);
  REQUIRE_FALSE(store.has_value());
  CHECK(store.error().kind == ErrorKind::kNotFound);
  CHECK_THAT(store.error().message, Catch::Contains("newsdb import"));

  auto empty = test::PgDatabase::make(true);
  auto opened = open_store(empty->uri(), OpenMode::kReadOnly);
  REQUIRE_FALSE(opened.has_value());
  CHECK_THAT(opened.error().message, Catch::Contains("newsdb import"));
  auto conn = empty->connect();
  auto tables = conn.exec("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()");
  REQUIRE(tables.has_value());
  CHECK(tables->int64(0, 0) == 0);
}

TEST_CASE("a read-only store refuses to write", "[store][postgresql]") {
  auto db = test::PgDatabase::make(false);
  if (!db) return;
  REQUIRE(open_store(db->uri(), OpenMode::kReadWrite).has_value());
  auto store = open_store(db->uri(), OpenMode::kReadOnly);
  REQUIRE(store.has_value());
  ParsedFile file;
  file.record.path = "a.md";
  file.record.content_hash = "h";
  auto written = (*store)->writer().write_batch(std::span<const ParsedFile>(&file, 1),
                                                    Timestamp(std::chrono::seconds(1)));
  REQUIRE_FALSE(written.has_value());
  CHECK_THAT(written.error().message, Catch::Contains("read-only"));
}

TEST_CASE("an unreachable server is a clear error", "[store][postgresql]") {
  // Port 1 on loopback: nothing listens there.
  auto store = open_store("postgresql://postgres@127.0.0.1:1/newsdb", OpenMode::kReadOnly);
  REQUIRE_FALSE(store.has_value());
  CHECK(store.error().kind == ErrorKind::kStore);
  CHECK_THAT(store.error().message, Catch::Contains("cannot connect to PostgreSQL"));
  CHECK_THAT(store.error().message, Catch::Contains("pg_server.sh"));
}
