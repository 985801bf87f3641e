// How PostgreSQL's search text is cut: like SQLite's unicode61 tokenizer (expected values written
// by hand from FTS5's rules: runs of letters, digits and marks, lower-cased), then made into the
// index tokens of search/index_tokens.hpp.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>

#include "store/postgres/search_text.hpp"
#include "store/search/index_tokens.hpp"

using namespace newsdb::postgres;
using Tokens = std::vector<std::string>;

TEST_CASE("tokens are runs of letters and digits, lower-cased", "[store][postgresql]") {
  CHECK(search_tokens("The supply-chain of RTX-4090") ==
        Tokens{"the", "supply", "chain", "of", "rtx", "4090"});
  CHECK(search_tokens("mail a@b.com, see x.com/a_b?q=1 (4.5%)") ==
        Tokens{"mail", "a", "b", "com", "see", "x", "com", "a", "b", "q", "1", "4", "5"});
  CHECK(search_tokens("Gödel's ÉCOLE Straße Ωμέγα 東京") ==
        Tokens{"gödel", "s", "école", "straße", "ωμέγα", "東京"});
  // Scripts without spaces: pairs of characters; Thai marks stay inside the word.
  CHECK(search_tokens("観光客が") == Tokens{"観光", "光客", "客が"});
  CHECK(search_tokens("서울에서") == Tokens{"서울", "울에", "에서"});
  CHECK(search_tokens("ที่") == Tokens{"ที่"});
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

TEST_CASE("the user's words become the search language's tsquery", "[store][postgresql]") {
  auto q = [](std::string_view text) {
    auto r = words_query(text);
    REQUIRE(r.has_value());
    return *r;
  };
  CHECK(q("supply-chain AI") == "'supply-chain' & 'ai'");
  CHECK(q("  \"Gödel\"  ") == "'gödel'");
  CHECK(q("it's") == "('it' <-> 's')");
  CHECK(q("elections -france") ==
        "(('elections' | '~elect' | 'elect')) & !(('france' | '~franc' | 'franc'))");
  CHECK(q("electr* OR 観光客") == "('electr':* | ('観光' <-> '光客'))");
  CHECK(q("\"C++ code\"") == "(('c' <-> 'code') & 'c++')");
  CHECK_FALSE(words_query("-- ... !!").has_value());
  CHECK_FALSE(words_query("-france").has_value());
}

namespace {

// The vector's literal built the plain way, from search_tokens and an ordered map, for comparing
// with the import's builder (the fields given here keep the vector under its size limit).
std::string reference_literal(const std::vector<std::pair<std::string, char>>& fields) {
  std::map<std::string, std::vector<std::pair<int, char>>> entries;  // bytewise order
  int position = 1;
  auto add = [&](const std::string& token, int at, char weight) {
    if (token.size() > 2046) return;
    auto& kept = entries[token];
    if (kept.size() >= 256 || (!kept.empty() && kept.back().first == at)) return;
    kept.emplace_back(at, weight);
  };
  for (const auto& [text, weight] : fields) {
    // The texts are vocabulary words separated by " " or ". ": each word on its own, its stem
    // (when an ASCII word's differs) and the one joined form of the vocabulary at its first
    // token's position.
    std::string_view rest = std::string_view(text).substr(0, 100'000);
    while (!rest.empty()) {
      std::size_t end = rest.find(' ');
      std::string_view word = rest.substr(0, end);
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
      if (!word.empty() && word.back() == '.') word.remove_suffix(1);
      auto tokens = search_tokens(word);
      for (std::size_t i = 0; i < tokens.size(); ++i) {
        int at = std::min(position++, 16383);
        add(tokens[i], at, weight);
        if (tokens.size() == 1) {
          if (auto stem = newsdb::search::english_stem(word); stem && *stem != tokens[0]) {
            add("~" + *stem, at, weight);
          }
        } else if (i == 0 && word == "supply-chain") {
          if (auto stem = newsdb::search::english_stem("supply"); stem && *stem != "supply") {
            add("~" + *stem, at, weight);
          }
          add("supply-chain", at, weight);
        }
      }
    }
    position += 8;
  }
  std::string out;
  for (const auto& [word, kept] : entries) {
    if (!out.empty()) out += ' ';
    out += "'" + word + "':";
    for (std::size_t i = 0; i < kept.size(); ++i) {
      out += (i ? "," : "") + std::to_string(kept[i].first) + kept[i].second;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("the search vector matches a plain construction, article after article",
          "[store][postgresql]") {
  // Words that collide in case or accents, share prefixes, repeat; one article with tens of
  // thousands of distinct words in between (the builder's buffers grow, then must forget it).
  const std::vector<std::string> vocabulary = {
      "a", "A", "ab", "abc", "Ab", "b", "chip", "chips", "CHIPS", "café", "Café", "cafe",
      "東京", "Ωμέγα", "straße", "4090", "x1", "supply-chain", "don't", "zz", "Z", "9", "é"};
  std::mt19937 random(7);
  auto text = [&](std::size_t words) {
    std::string out;
    for (std::size_t i = 0; i < words; ++i) {
      out += vocabulary[random() % vocabulary.size()];
      out += random() % 5 == 0 ? ". " : " ";
    }
    return out;
  };
  for (int article = 0; article < 300; ++article) {
    std::string title = text(random() % 12);
    std::string excerpt = text(random() % 40);
    std::string topics = text(random() % 4);
    std::string body = text(random() % 900);
    if (article == 150) {
      body.clear();
      for (int i = 0; i < 40000; ++i) body += "w" + std::to_string(i) + " ";
    }
    INFO("article " << article);
    SearchVector v = search_vector(title, excerpt, topics, body);
    std::string expected =
        reference_literal({{title, 'A'}, {excerpt, 'B'}, {topics, 'C'}, {body, 'D'}});
    REQUIRE(v.literal() == expected);
    bool ascii = std::all_of(expected.begin(), expected.end(),
                             [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    REQUIRE(v.ascii == ascii);
  }
}
