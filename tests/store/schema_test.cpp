#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <newsdb/store.hpp>

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
