// open_store's modes on every backend (store.hpp): which create the database, which never do,
// and which may write.
#include <catch2/catch.hpp>
#include <filesystem>
#include <newsdb/store.hpp>

#include "support/backends.hpp"

using namespace newsdb;
using namespace std::chrono_literals;

namespace {
const Timestamp kT0{std::chrono::sys_days{std::chrono::year{2024} / 5 / 1}};
}

TEST_CASE("kReadWriteExisting finds no database without creating one", "[store][open]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend, test::Creation::kLater);
      auto store = open_store(fresh.spec(), OpenMode::kReadWriteExisting);
      REQUIRE_FALSE(store.has_value());
      CHECK(store.error().kind == ErrorKind::kNotFound);
      CHECK_THAT(store.error().message, Catch::Contains("newsdb import"));
      CHECK_FALSE(fresh.exists());
    }
  }
}

TEST_CASE("kReadWriteExisting does not make a missing database's folders", "[store][open]") {
  test::TempDir dir;
  auto path = dir.path() / "a" / "news.sqlite";
  auto store = open_store(path.string(), OpenMode::kReadWriteExisting);
  REQUIRE_FALSE(store.has_value());
  CHECK(store.error().kind == ErrorKind::kNotFound);
  CHECK_FALSE(std::filesystem::exists(dir.path() / "a"));
}

TEST_CASE("kReadWriteExisting opens an existing database for writing", "[store][open]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend);  // created
      auto store = open_store(fresh.spec(), OpenMode::kReadWriteExisting);
      REQUIRE(store.has_value());
      auto added = (*store)->sources().add("https://example.com/feed.xml", 30min, kT0);
      REQUIRE(added.has_value());
      CHECK(added->outcome == AddOutcome::kAdded);
      // The write is the database's, seen by another connection.
      auto listed = fresh.store().sources().list();
      REQUIRE(listed.has_value());
      REQUIRE(listed->size() == 1);
      CHECK((*listed)[0].url == "https://example.com/feed.xml");
    }
  }
}
