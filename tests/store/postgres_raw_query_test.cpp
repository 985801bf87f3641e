// FTS5 query syntax turned into tsquery text (expected strings written by hand from the rules in
// src/store/postgres/raw_query.hpp).
#include <catch2/catch.hpp>

#include "store/postgres/raw_query.hpp"

using newsdb::ErrorKind;
using newsdb::postgres::raw_query;

namespace {

std::string ok(const char* text) {
  auto q = raw_query(text);
  INFO(text);
  REQUIRE(q.has_value());
  return *q;
}

}  // namespace

TEST_CASE("FTS5 operators keep their precedence: NOT, then AND, then OR", "[store][postgresql]") {
  CHECK(ok("quantum") == "'quantum'");
  CHECK(ok("quantum NOT milestone") == "('quantum' & !'milestone')");
  CHECK(ok("a b OR c") == "(('a' & 'b') | 'c')");
  CHECK(ok("a OR b c") == "('a' | ('b' & 'c'))");
  CHECK(ok("a AND b NOT c") == "('a' & ('b' & !'c'))");
  CHECK(ok("(a OR b) AND c") == "(('a' | 'b') & 'c')");
}

TEST_CASE("phrases, prefixes and NEAR", "[store][postgresql]") {
  CHECK(ok("\"supply chain\"") == "('supply' <-> 'chain')");
  CHECK(ok("supply+chain") == "('supply' <-> 'chain')");
  CHECK(ok("\"Gödel \"\"quoted\"\"\"") == "('gödel' <-> 'quoted')");
  CHECK(ok("quant*") == "'quant':*");
  CHECK(ok("\"new yor\"*") == "('new' <-> 'yor':*)");
  CHECK(ok("NEAR(a b, 5)") == "('a' & 'b')");
  CHECK(ok("^start") == "'start'");
}

TEST_CASE("column filters become weights", "[store][postgresql]") {
  CHECK(ok("title:quantum") == "'quantum':A");
  CHECK(ok("{title excerpt}:quantum") == "'quantum':AB");
  CHECK(ok("-body:quantum") == "'quantum':ABC");
  CHECK(ok("topics_text:ai*") == "'ai':*C");
  CHECK(ok("title:(a OR b)") == "('a':A | 'b':A)");
}

TEST_CASE("phrases without words match nothing and drop out", "[store][postgresql]") {
  CHECK(ok("\"!!\"") == "");
  CHECK(ok("\"!!\" OR a") == "'a'");
  CHECK(ok("a \"!!\"") == "");
  CHECK(ok("a NOT \"!!\"") == "'a'");
}

TEST_CASE("syntax errors are the user's, with a reason", "[store][postgresql]") {
  for (const char* bad : {"quantum AND (", "a OR", "(", "\"open", "a )", "nosuch:word", "NEAR(",
                          "AND", "a AND AND b", ""}) {
    INFO(bad);
    auto q = raw_query(bad);
    REQUIRE_FALSE(q.has_value());
    CHECK(q.error().kind == ErrorKind::kInvalidInput);
    CHECK_FALSE(q.error().message.empty());
  }
}
