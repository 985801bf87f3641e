// The search language and every script, on every backend of the run, over the fixtures in
// tests/data/search (one article per case, written so that each query below has one right answer:
// the expected URLs are read off the fixture texts by hand).
#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <newsdb/store.hpp>
#include <set>

#include "support/backends.hpp"
#include "support/fixture_store.hpp"

using namespace newsdb;
using test::backends;

namespace {

class SearchStore {
 public:
  static SearchStore& get(const std::string& backend) {
    static std::map<std::string, std::unique_ptr<SearchStore>> stores;
    auto& s = stores[backend];
    if (!s) s.reset(new SearchStore(backend));
    return *s;
  }

  Result<std::vector<StoredArticle>> find(const std::string& text, SortOrder sort,
                                          TextSyntax syntax = TextSyntax::kWords) {
    Query q;
    q.filter.text = text;
    q.filter.text_syntax = syntax;
    q.sort = sort;
    q.limit = 50;
    return fresh_.store().reader().find(q);
  }

 private:
  explicit SearchStore(const std::string& backend) : fresh_(backend) {
    test::import_files(fresh_.store(),
                       test::input_files({std::filesystem::path(NEWSDB_TEST_DATA) / "search"}));
  }
  test::FreshStore fresh_;
};

// The fixture names (the last part of each URL) that `text` finds, sorted.
std::set<std::string> found(const std::string& backend, const std::string& text,
                            TextSyntax syntax = TextSyntax::kWords) {
  auto r = SearchStore::get(backend).find(text, SortOrder::kNewest, syntax);
  REQUIRE(r.has_value());
  std::set<std::string> out;
  for (const auto& a : *r) out.insert(a.article.canonical_url.substr(a.article.canonical_url.rfind('/') + 1));
  return out;
}

std::vector<std::string> ranked(const std::string& backend, const std::string& text) {
  auto r = SearchStore::get(backend).find(text, SortOrder::kRelevance);
  REQUIRE(r.has_value());
  std::vector<std::string> out;
  for (const auto& a : *r) out.push_back(a.article.canonical_url.substr(a.article.canonical_url.rfind('/') + 1));
  return out;
}

using Names = std::set<std::string>;

}  // namespace

TEST_CASE("search: words are ANDed, quotes make a phrase, -word excludes, OR, prefix*",
          "[store][search]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      CHECK(found(backend, "supply chain") == Names{"supply-chain", "cold-chain"});
      CHECK(found(backend, "\"supply chain\"") == Names{"supply-chain"});
      CHECK(found(backend, "\"Supply Chain delays\"") == Names{"supply-chain"});
      CHECK(found(backend, "supply -\"supply chain\"") == Names{"cold-chain"});
      CHECK(found(backend, "election -france") == Names{"election-us", "elections-europe"});
      CHECK(found(backend, "election -France -europe") == Names{"election-us"});
      CHECK(found(backend, "ukraine OR france") == Names{"election-france"});
      CHECK(found(backend, "C++ OR C#") == Names{"cpp", "csharp"});
      CHECK(found(backend, "runoff OR congress election") == Names{"election-france", "election-us"});
      CHECK(found(backend, "electr*") == Names{"electricity"});
      CHECK(found(backend, "Electri*") == Names{"electricity"});
      CHECK(found(backend, "elect*") ==
            Names{"election-us", "election-france", "elections-europe", "electricity"});
    }
  }
}

TEST_CASE("search: punctuation that makes a token matches as written", "[store][search]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      CHECK(found(backend, "C++") == Names{"cpp"});
      CHECK(found(backend, "c++") == Names{"cpp"});
      CHECK(found(backend, "C#") == Names{"csharp"});
      CHECK(found(backend, ".NET") == Names{"csharp"});
      CHECK(found(backend, "net") == Names{"csharp", "net-fishing"});
      CHECK(found(backend, "U.S.") == Names{"election-us"});
      CHECK(found(backend, "COVID-19") == Names{"covid"});
      CHECK(found(backend, "covid") == Names{"covid", "covid-spaced"});
      CHECK(found(backend, "9/11") == Names{"nine-eleven"});
      CHECK(found(backend, "\"modern C++ code\"") == Names{"cpp"});
      CHECK(found(backend, "(C++)") == Names{"cpp"});
    }
  }
}

TEST_CASE("search: a query of punctuation only, or of exclusions only, says why",
          "[store][search]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      for (const char* text : {"!!!", "\"\"", "( - * )", "\"...\""}) {
        INFO(text);
        auto r = SearchStore::get(backend).find(text, SortOrder::kRelevance);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().kind == ErrorKind::kInvalidInput);
        CHECK_THAT(r.error().message, Catch::Contains("no words to look for"));
      }
      for (const char* text : {"-france", "-\"supply chain\" -C++"}) {
        INFO(text);
        auto r = SearchStore::get(backend).find(text, SortOrder::kRelevance);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().kind == ErrorKind::kInvalidInput);
        CHECK_THAT(r.error().message, Catch::Contains("only excludes"));
      }
      // Punctuation beside words is ignored.
      CHECK(found(backend, "!!! france ???") == Names{"election-france"});
    }
  }
}

TEST_CASE("search: words inside CJK text, Korean with particles, Thai", "[store][search]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      CHECK(found(backend, "観光客") == Names{"japanese"});
      CHECK(found(backend, "観光") == Names{"japanese", "japanese-other"});
      CHECK(found(backend, "京都") == Names{"japanese", "japanese-other"});
      CHECK(found(backend, "空气质量") == Names{"chinese"});
      CHECK(found(backend, "空气") == Names{"chinese", "chinese-other"});
      CHECK(found(backend, "\"北京空气\"") == Names{"chinese"});  // not 北京的空气
      CHECK(found(backend, "서울") == Names{"korean"});
      CHECK(found(backend, "축제") == Names{"korean", "korean-other"});
      CHECK(found(backend, "부산") == Names{"korean-other"});
      CHECK(found(backend, "ฝนตก") == Names{"thai"});
      CHECK(found(backend, "กรุงเทพ") == Names{"thai"});
      CHECK(found(backend, "เชียงใหม่") == Names{"thai-other"});
      CHECK(found(backend, "観光客 -京都").empty());
    }
  }
}

TEST_CASE("search: Latin, Cyrillic and Greek fold case and accents", "[store][search]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      CHECK(found(backend, "ВЫБОРЫ") == Names{"russian"});
      CHECK(found(backend, "москва") == Names{"russian"});
      CHECK(found(backend, "αθηνα") == Names{"greek"});
      CHECK(found(backend, "ZURICH cafe") == Names{"accents"});
      CHECK(found(backend, "economie") == Names{"accents"});
      CHECK(found(backend, "Économie") == Names{"accents"});
    }
  }
}

TEST_CASE("search: English inflections match, the exact form ranks first", "[store][search]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      Names all{"election-us", "election-france", "elections-europe"};
      CHECK(found(backend, "elections") == all);
      CHECK(found(backend, "election") == all);
      CHECK(found(backend, "elected") == all);
      CHECK(found(backend, "vitamin") == Names{"vitamin-c"});
      CHECK(found(backend, "vitamins") == Names{"vitamin-c"});
      // "elections" stands in the title of one article only; "election" in another's.
      CHECK(ranked(backend, "elections").front() == "elections-europe");
      CHECK(ranked(backend, "election").front() == "election-us");
      // A quoted word is exact.
      CHECK(found(backend, "\"elections\"") == Names{"elections-europe"});
    }
  }
}

TEST_CASE("search --raw keeps the backend's syntax over the same index", "[store][search]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      CHECK(found(backend, "electr*", TextSyntax::kRaw) == Names{"electricity"});
      // Raw words are exact: no stems.
      CHECK(found(backend, "election NOT france", TextSyntax::kRaw) == Names{"election-us"});
      CHECK(found(backend, "\"supply chain\"", TextSyntax::kRaw) == Names{"supply-chain"});
      CHECK(found(backend, "観光客", TextSyntax::kRaw) == Names{"japanese"});
    }
  }
}
