#include <catch2/catch.hpp>

#include "store/reader_fixture.hpp"

using namespace newsdb;
using namespace newsdb::test;

namespace {

struct Collect : SqlRowSink {
  std::vector<std::vector<std::string>> headers;
  std::vector<std::vector<SqlValue>> rows;
  Result<void> columns(std::span<const std::string> names) override {
    headers.emplace_back(names.begin(), names.end());
    return {};
  }
  Result<void> row(std::span<const SqlValue> values) override {
    rows.emplace_back(values.begin(), values.end());
    return {};
  }
};

std::int64_t article_count(ReaderFixture& fx) {
  Collect c;
  auto r = fx.reader().run_sql("SELECT COUNT(*) FROM articles", c);
  if (!r) FAIL(r.error().message);
  return std::get<std::int64_t>(c.rows.at(0).at(0));
}

}  // namespace

TEST_CASE("sql runs reading statements and gives typed values", "[store][reader][sql]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& fx = ReaderFixture::get(backend);
      Collect c;
      // Each engine's spelling of the bytes 00 ff.
      const std::string blob = backend == "sqlite" ? "x'00ff'" : "'\\x00ff'::bytea";
      auto r = fx.reader().run_sql(
          "SELECT 1 AS one, 2.5, 'text', " + blob + ", NULL; SELECT COUNT(*) AS n FROM articles",
          c);
      REQUIRE(r.has_value());
      REQUIRE(c.headers.size() == 2);
      CHECK(c.headers[0][0] == "one");
      CHECK(c.headers[1][0] == "n");
      REQUIRE(c.rows.size() == 2);
      CHECK(std::get<std::int64_t>(c.rows[0][0]) == 1);
      CHECK(std::get<double>(c.rows[0][1]) == 2.5);
      CHECK(std::get<std::string>(c.rows[0][2]) == "text");
      CHECK(std::get<SqlBlob>(c.rows[0][3]).bytes == std::string("\x00\xff", 2));
      CHECK(c.rows[0][4].index() == 0);
      CHECK(std::get<std::int64_t>(c.rows[1][0]) ==
            static_cast<std::int64_t>(fx.articles().size()));
    }
  }
}

TEST_CASE("sql refuses any statement that would write, before running anything",
          "[store][reader][sql]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& fx = ReaderFixture::get(backend);
      auto before = article_count(fx);
      for (const char* sql :
           {"DELETE FROM articles", "SELECT 1; DELETE FROM articles",
            "UPDATE articles SET title = 'x'",
            "INSERT INTO topics (name, name_key) VALUES ('x', 'x')", "DROP TABLE articles",
            "CREATE TABLE t (x)", "PRAGMA user_version = 99", "ATTACH DATABASE ':memory:' AS other",
            "VACUUM", "REINDEX", "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
            // Statements that start like a query, or only PostgreSQL knows.
            "WITH gone AS (DELETE FROM articles RETURNING id) SELECT count(*) FROM gone",
            "SELECT 1; WITH x AS (UPDATE articles SET heat = 0 RETURNING 1) SELECT 1",
            "SET default_transaction_read_only = off", "COPY articles TO STDOUT",
            "DO $$ BEGIN DELETE FROM articles; END $$", "TRUNCATE articles"}) {
        INFO(sql);
        Collect c;
        auto r = fx.reader().run_sql(sql, c);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().kind == ErrorKind::kInvalidInput);
        CHECK(c.rows.empty());
      }
      CHECK(article_count(fx) == before);
    }
  }
}

TEST_CASE("sql errors say what the database said", "[store][reader][sql]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& fx = ReaderFixture::get(backend);
      Collect c;
      auto r = fx.reader().run_sql("SELEC 1", c);
      REQUIRE_FALSE(r.has_value());
      CHECK(r.error().kind == ErrorKind::kInvalidInput);
      CHECK_THAT(r.error().message, Catch::Contains("syntax error"));
      auto missing = fx.reader().run_sql("SELECT * FROM nowhere", c);
      REQUIRE_FALSE(missing.has_value());
      CHECK(missing.error().kind == ErrorKind::kInvalidInput);
      CHECK_THAT(missing.error().message,
                 Catch::Contains(backend == "sqlite" ? "no such table"
                                                     : "relation \"nowhere\" does not exist"));
      auto empty = fx.reader().run_sql("  -- nothing\n ", c);
      REQUIRE_FALSE(empty.has_value());
    }
  }
}
