#include <catch2/catch.hpp>

#include "store/sqlite/fts_query.hpp"

using namespace newsdb;
using newsdb::sqlite::fts_match_expression;

namespace {

std::string fts(std::string_view text) {
  auto r = fts_match_expression(text, TextSyntax::kWords);
  REQUIRE(r.has_value());
  return *r;
}

}  // namespace

TEST_CASE("each token is quoted so punctuation is never FTS5 syntax", "[store][search]") {
  CHECK(fts("rtx 4090") == "(\"rtx\" OR \"~rtx\") AND \"4090\"");
  CHECK(fts("say \"hi there\"") == "(\"say\" OR \"~say\") AND \"hi\" + \"there\"");
  CHECK(fts("a:b (c) NOT") == "\"a\" + \"b\" AND \"c\" AND (\"not\" OR \"~not\")");
}

TEST_CASE("the search language becomes FTS5 operators", "[store][search]") {
  CHECK(fts("elections") == "(\"elections\" OR \"~elect\" OR \"elect\")");
  CHECK(fts("C++ -rust") == "(\"c++\") NOT ((\"rust\" OR \"~rust\"))");
  CHECK(fts("electr*") == "\"electr\" *");
  CHECK(fts("ukraine OR russia") ==
        "((\"ukraine\" OR \"~ukrain\" OR \"ukrain\") OR (\"russia\" OR \"~russia\"))");
  CHECK(fts("観光客") == "\"観光\" + \"光客\"");
  CHECK(fts("\"U.S. economy\"") == "(\"u\" + \"s\" + \"economy\" AND \"u.s.\")");
}

TEST_CASE("raw text is passed through as written", "[store][search]") {
  auto r = fts_match_expression("a OR b*", TextSyntax::kRaw);
  REQUIRE(r.has_value());
  CHECK(*r == "a OR b*");
  CHECK_FALSE(fts_match_expression(" \t ", TextSyntax::kWords).has_value());
}
