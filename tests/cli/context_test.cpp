// Context (src/cli/context.cpp): the store a command opens, and what "no database yet" means.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "cli/context.hpp"
#include "support/backends.hpp"

using namespace newsdb;
using newsdb::cli::Context;

namespace {

// A Context on `db`, printing into strings.
struct ContextOn {
  explicit ContextOn(const std::string& db) { ctx.global().db = db; }
  std::ostringstream out, err;
  Context ctx{out, err};
};

}  // namespace

TEST_CASE("open_store_if_exists: nothing for a missing database, which stays missing",
          "[cli][db]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend, test::Creation::kLater);
      ContextOn on(fresh.spec());
      for (auto mode : {OpenMode::kReadOnly, OpenMode::kReadWriteExisting}) {
        auto store = on.ctx.open_store_if_exists(mode);
        REQUIRE(store.has_value());
        CHECK(*store == nullptr);
      }
      CHECK_FALSE(fresh.exists());
      CHECK(on.err.str().empty());
    }
  }
}

TEST_CASE("open_store_if_exists: an existing database, opened as asked", "[cli][db]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend);
      ContextOn on(fresh.spec());
      auto store = on.ctx.open_store_if_exists(OpenMode::kReadWriteExisting);
      REQUIRE(store.has_value());
      REQUIRE(*store != nullptr);
      CHECK((*store)->sources().remove("https://example.com/feed.xml").has_value());
      auto reader = on.ctx.open_store_if_exists(OpenMode::kReadOnly);
      REQUIRE(reader.has_value());
      REQUIRE(*reader != nullptr);
      CHECK((*reader)->backend_name() == backend);
    }
  }
}

TEST_CASE("open_store_if_exists: any other failure is an error, not an empty store", "[cli][db]") {
  test::TempDir dir;
  auto path = dir.path() / "notes.txt";
  std::ofstream(path) << "these are my notes, not a database\n" << std::string(5000, 'x');
  ContextOn on(path.string());
  for (auto mode : {OpenMode::kReadOnly, OpenMode::kReadWriteExisting}) {
    auto store = on.ctx.open_store_if_exists(mode);
    REQUIRE_FALSE(store.has_value());
    CHECK(store.error().kind == ErrorKind::kStore);
  }
}
