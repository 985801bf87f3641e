#include <catch2/catch.hpp>

#include "store/postgres/copy_text.hpp"
#include "store/postgres/database_uri.hpp"

using namespace newsdb::postgres;

TEST_CASE("with_database replaces only the database of a URI", "[store][postgresql]") {
  CHECK(with_database("postgresql://u@127.0.0.1:5432/newsdb", "t1") ==
        "postgresql://u@127.0.0.1:5432/t1");
  CHECK(with_database("postgres://h/db?sslmode=disable", "x") == "postgres://h/x?sslmode=disable");
  CHECK(with_database("postgresql://h:1?application_name=a", "x") ==
        "postgresql://h:1/x?application_name=a");
  CHECK(with_database("postgresql://h", "a b/c") == "postgresql://h/a%20b%2Fc");
  CHECK_FALSE(with_database("dbname=x host=h", "y").has_value());
}

TEST_CASE("uri_database reads the database name, decoded", "[store][postgresql]") {
  CHECK(uri_database("postgresql://u@h:5/news%20db") == "news db");
  CHECK(uri_database("host=h dbname=archive") == "archive");
  CHECK_FALSE(uri_database("postgresql://h:5").has_value());
}

TEST_CASE("redacted hides a URI's password and nothing else", "[store][postgresql]") {
  CHECK(redacted("postgresql://u:secret@h:5/db") == "postgresql://u:***@h:5/db");
  CHECK(redacted("postgresql://u@h:5/db") == "postgresql://u@h:5/db");
  CHECK(redacted("postgresql://h:5/db") == "postgresql://h:5/db");
}

TEST_CASE("COPY text escapes its delimiters and backslashes", "[store][postgresql]") {
  CopyText rows;
  rows.field("a\tb\nc\rd\\e").null().field(std::int64_t{-7}).field(true).end_row();
  rows.field(std::optional<std::string>{}).field(std::optional<std::int64_t>{3}).end_row();
  CHECK(rows.data() == "a\\tb\\nc\\rd\\\\e\t\\N\t-7\tt\n\\N\t3\n");
  CHECK(rows.rows() == 2);
}

TEST_CASE("array literals quote every element", "[store][postgresql]") {
  std::vector<std::string> values{"plain", "with \"quote\"", "back\\slash", "", "a,b {c}"};
  CHECK(array_literal(values) ==
        R"({"plain","with \"quote\"","back\\slash","","a,b {c}"})");
  CHECK(array_literal(std::vector<std::string>{}) == "{}");
}
