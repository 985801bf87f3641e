#include <catch2/catch.hpp>

#include "cli/output/delimited.hpp"

using namespace newsdb::cli;

TEST_CASE("csv fields are quoted as RFC 4180 requires", "[cli][output]") {
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("") == "");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("cr\rhere") == "\"cr\rhere\"");
  CHECK(csv_field(" padded") == "\" padded\"");
  CHECK(csv_field("it's; -- %_") == "it's; -- %_");
}

TEST_CASE("tsv fields escape what would break a line or a column", "[cli][output]") {
  CHECK(tsv_field("plain text") == "plain text");
  CHECK(tsv_field("a\tb") == "a\\tb");
  CHECK(tsv_field("a\nb\r") == "a\\nb\\r");
  CHECK(tsv_field("back\\slash") == "back\\\\slash");
}
