#include <catch2/catch.hpp>

#include "store/content_hash.hpp"
#include "store/writer_fixtures.hpp"

using namespace newsdb;
using store::article_content_hash;

TEST_CASE("the content hash is 32 hex digits and the same for equal articles", "[store]") {
  auto a = test::article("https://e.com/1", "T");
  auto h = article_content_hash(a);
  CHECK(h.size() == 32);
  CHECK(h.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(article_content_hash(test::article("https://e.com/1", "T")) == h);
  // An independent value pinned once: the digest must not change between builds, or every stored
  // article would count as updated after an upgrade.
  CHECK(store::bytes_content_hash("") == "99aa06d3014798d86001c324468d497f");
}

TEST_CASE("the content hash changes with any stored field", "[store]") {
  const auto base = test::article("https://e.com/1", "T");
  const auto h = article_content_hash(base);
  std::vector<std::pair<const char*, Article>> edits;
  auto edit = [&](const char* what, auto change) {
    Article a = base;
    change(a);
    edits.emplace_back(what, a);
  };
  edit("title", [](Article& a) { a.title = "U"; });
  edit("empty excerpt", [](Article& a) { a.excerpt = ""; });
  edit("body", [](Article& a) { a.body = ""; });
  edit("heat", [](Article& a) { a.heat = 0; });
  edit("published", [](Article& a) { a.published = false; });
  edit("topic", [](Article& a) { a.topics = {"x"}; });
  edit("image extra", [](Article& a) {
    a.images = {Image{"u", 1, 2, true, Json::parse(R"({"k":1})")}};
  });
  edit("unknown field", [](Article& a) { a.extra["locale"] = "en"; });
  edit("provider extra", [](Article& a) {
    a.provider = Provider{"n", "d", Json::parse(R"({"k":1})")};
  });
  edit("related", [](Article& a) {
    RelatedArticle r;
    r.title = "R";
    a.related = {r};
  });
  edit("secured", [](Article& a) { a.secured = "s"; });
  for (const auto& [what, a] : edits) {
    INFO(what);
    CHECK(article_content_hash(a) != h);
  }
  // Moving text between adjacent fields is a change too.
  Article x = base, y = base;
  x.excerpt = "ab";
  x.body = "c";
  y.excerpt = "a";
  y.body = "bc";
  CHECK(article_content_hash(x) != article_content_hash(y));
}
