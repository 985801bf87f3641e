#include <catch2/catch.hpp>

#include "store/sqlite/fts_query.hpp"

using namespace newsdb;
using newsdb::sqlite::fts_match_expression;

TEST_CASE("each word is quoted so punctuation is never FTS5 syntax", "[store][search]") {
  CHECK(fts_match_expression("supply chain", TextSyntax::kWords) == "\"supply\" \"chain\"");
  CHECK(fts_match_expression("  C++  -rust ", TextSyntax::kWords) == "\"C++\" \"-rust\"");
  CHECK(fts_match_expression("say \"hi\"", TextSyntax::kWords) == "\"say\" \"\"\"hi\"\"\"");
  CHECK(fts_match_expression("a:b (c) NOT d*", TextSyntax::kWords) ==
        "\"a:b\" \"(c)\" \"NOT\" \"d*\"");
  CHECK(fts_match_expression(" \t ", TextSyntax::kWords).empty());
}

TEST_CASE("raw text is passed through as written", "[store][search]") {
  CHECK(fts_match_expression("a OR b*", TextSyntax::kRaw) == "a OR b*");
}
