// The SQLite writer's WAL checkpointer: SQLite's alone (PostgreSQL has no WAL file for newsdb to
// keep small; its server checkpoints on its own).
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "store/sqlite/database.hpp"
#include "store/sqlite/wal_checkpointer.hpp"
#include "support/temp_dir.hpp"

using namespace newsdb;
using newsdb::sqlite::Database;
using newsdb::sqlite::Transaction;
using newsdb::sqlite::WalCheckpointer;

namespace {

// A WAL database whose own connection never checkpoints, as the import's writer runs it.
Database wal_database(const std::filesystem::path& path) {
  auto db = Database::open(path.string(), Database::Access::kReadWrite);
  REQUIRE(db.has_value());
  REQUIRE(db->exec("PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; "
                   "CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
              .has_value());
  return std::move(*db);
}

// One transaction adding `rows` rows of 1 KB each (~1 MB for 1000).
void write_rows(Database& db, int rows) {
  auto tx = Transaction::begin(db);
  REQUIRE(tx.has_value());
  auto insert = db.prepare("INSERT INTO t (text) VALUES (?1)");
  REQUIRE(insert.has_value());
  std::string text(1000, 'x');
  for (int i = 0; i < rows; ++i) REQUIRE(insert->bind(1, text).run().has_value());
  REQUIRE(tx->commit().has_value());
}

std::uintmax_t size_of(const std::filesystem::path& p) { return std::filesystem::file_size(p); }

}  // namespace

TEST_CASE("committed frames reach the database file without the writer checkpointing",
          "[store][sqlite][wal]") {
  test::TempDir dir;
  auto path = dir.path() / "news.sqlite";
  Database db = wal_database(path);
  auto checkpointer = WalCheckpointer::start(path.string());
  REQUIRE(checkpointer.has_value());
  auto empty_size = size_of(path);

  write_rows(db, 1000);
  CHECK(size_of(path) == empty_size);  // all in the WAL: the writer copies nothing itself
  (*checkpointer)->committed();
  (*checkpointer)->catch_up();
  CHECK(size_of(path) > empty_size + 900'000);  // the rows' pages were copied into the file
}

TEST_CASE("waiting for the checkpointer lets the next transaction start the WAL again",
          "[store][sqlite][wal]") {
  test::TempDir dir;
  auto path = dir.path() / "news.sqlite";
  auto wal = std::filesystem::path(path.string() + "-wal");
  Database db = wal_database(path);
  auto checkpointer = WalCheckpointer::start(path.string());
  REQUIRE(checkpointer.has_value());

  write_rows(db, 1000);
  (*checkpointer)->committed();
  auto one_batch = size_of(wal);
  for (int i = 0; i < 5; ++i) {
    (*checkpointer)->catch_up();
    write_rows(db, 1000);
    (*checkpointer)->committed();
  }
  // Each transaction reused the WAL from its start instead of appending ~1 MB more.
  CHECK(size_of(wal) <= one_batch + 64 * 1024);
  auto count = db.prepare("SELECT count(*) FROM t");
  REQUIRE(count.has_value());
  REQUIRE(count->step().value());
  CHECK(count->column_int(0) == 6000);
}
