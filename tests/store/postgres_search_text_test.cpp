// How PostgreSQL's search text is cut: like SQLite's unicode61 tokenizer (expected values written
// by hand from FTS5's rules: runs of letters and digits, lower-cased).
#include <catch2/catch.hpp>

#include "store/postgres/search_text.hpp"

using namespace newsdb::postgres;
using Tokens = std::vector<std::string>;

TEST_CASE("tokens are runs of letters and digits, lower-cased", "[store][postgresql]") {
  CHECK(search_tokens("The supply-chain of RTX-4090") ==
        Tokens{"the", "supply", "chain", "of", "rtx", "4090"});
  CHECK(search_tokens("mail a@b.com, see x.com/a_b?q=1 (4.5%)") ==
        Tokens{"mail", "a", "b", "com", "see", "x", "com", "a", "b", "q", "1", "4", "5"});
  CHECK(search_tokens("Gödel's ÉCOLE Straße Ωμέγα 東京") ==
        Tokens{"gödel", "s", "école", "straße", "ωμέγα", "東京"});
  CHECK(search_tokens("  \t\n") == Tokens{});
}

TEST_CASE("invalid UTF-8 and apostrophe letters separate words", "[store][postgresql]") {
  CHECK(search_tokens("ab\xff" "cd") == Tokens{"ab", "cd"});
  CHECK(search_tokens("ab\xc3") == Tokens{"ab"});
  // U+02BC MODIFIER LETTER APOSTROPHE: unaccent would turn it into a quote.
  CHECK(search_tokens("don\xca\xbct") == Tokens{"don", "t"});
}

TEST_CASE("the search vector weighs fields and keeps them apart", "[store][postgresql]") {
  SearchVector v = search_vector("Chips chips", "chips", "AI\nChips", "body");
  // title 1-2 (A), gap of 8, excerpt 11 (B), topics 20-21 (C), body 30 (D).
  std::string literal = v.literal();
  CHECK_THAT(literal, Catch::Contains("'chips':1A,2A,11B,21C"));
  CHECK_THAT(literal, Catch::Contains("'ai':20C"));
  CHECK_THAT(literal, Catch::Contains("'body':30D"));
  CHECK(v.ascii);
  SearchVector accented = search_vector("Café CAFÉ", "", "", "");
  CHECK_FALSE(accented.ascii);
  CHECK(accented.literal() == "'café':1A,2A");
}

TEST_CASE("the search vector stays within PostgreSQL's limits", "[store][postgresql]") {
  std::string huge;
  for (int i = 0; i < 60000; ++i) huge += "w" + std::to_string(i) + " ";
  std::string long_word(5000, 'x');
  SearchVector v = search_vector(long_word, huge, huge, huge);
  CHECK(v.literal().size() < 900 * 1024);
  CHECK(v.literal().find(long_word) == std::string::npos);
  // One word repeated: at most 256 positions, none past 16383.
  std::string same;
  for (int i = 0; i < 20000; ++i) same += "same ";
  SearchVector r = search_vector("", "", "", same);
  std::string literal = r.literal();
  auto commas = std::count(literal.begin(), literal.end(), ',');
  CHECK(commas == 255);
}

TEST_CASE("the binary vector is tsvector's send format, lexemes sorted", "[store][postgresql]") {
  // title "b a": b 1A, a 2A; three empty fields' gaps later, body "a" at 27D.
  SearchVector v = search_vector("b a", "", "", "a");
  CHECK(v.literal() == "'a':2A,27D 'b':1A");
  const std::string expected{"\0\0\0\2"        // two lexemes
                             "a\0" "\0\2" "\xC0\x02" "\x00\x1B"  // 2 | A<<14, 27 | D<<14
                             "b\0" "\0\1" "\xC0\x01",
                             4 + 2 + 2 + 4 + 2 + 2 + 2};
  CHECK(v.binary == expected);
}

TEST_CASE("positions past the last one collapse into it, as the server keeps them",
          "[store][postgresql]") {
  std::string body;
  for (int i = 0; i < 16400; ++i) body += "f ";
  body += "x x";
  SearchVector v = search_vector("", "", "", body);
  CHECK_THAT(v.literal(), Catch::Contains("'x':16383D"));
  CHECK_THAT(v.literal(), !Catch::Contains("16383D,"));
}

TEST_CASE("the user's words become ANDed phrases", "[store][postgresql]") {
  CHECK(words_query("supply-chain AI") == "('supply' <-> 'chain') & ('ai')");
  CHECK(words_query("  \"Gödel\"  ") == "('gödel')");
  CHECK(words_query("-- ... !!") == "");
  CHECK(words_query("it's") == "('it' <-> 's')");
}
