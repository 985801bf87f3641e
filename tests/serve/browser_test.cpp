// The pages in a real headless Chromium: the home page, a facet followed, a search, an article,
// and hostile text from a feed shown as text, never run as markup. Screenshots of each page are
// kept under the build folder (serve-screenshots/).
#include <catch2/catch.hpp>
#include <regex>

#include "serve/browser.hpp"
#include "serve/served_store.hpp"
#include "support/backends.hpp"
#include "support/fixture_store.hpp"

using namespace newsdb;
using namespace newsdb::test;

namespace {

// One store for the browser tests: the query fixtures, the samples and the hostile article.
struct BrowserStore {
  FreshStore fresh{"sqlite"};
  BrowserStore() {
    import_files(fresh.store(), input_files({fs::path(NEWSDB_TEST_DATA) / "query", fs::path(NEWSDB_SAMPLES),
                                             fs::path(NEWSDB_TEST_DATA) / "serve"}));
  }
  static BrowserStore& get() {
    static BrowserStore store;
    return store;
  }
};

std::string base(const ServedStore& served) { return "http://127.0.0.1:" + std::to_string(served.port()); }

// Nothing in the DOM may run: no script element, no event-handler attribute, no link or image
// outside this server and http(s).
void check_inert(const Dom& dom) {
  CHECK(dom.all("//script").empty());
  CHECK(dom.all("//iframe").empty());
  CHECK(dom.all("//@*[starts-with(name(), 'on')]").empty());
  for (const auto& url : dom.all("//a/@href | //img/@src | //*[local-name()='a']/@href")) {
    INFO(url);
    CHECK((url.starts_with("/") || url.starts_with("http://") || url.starts_with("https://")));
    CHECK_FALSE(url.starts_with("//"));
  }
}

}  // namespace

TEST_CASE("browser: the home page lists the newest articles with facets, and a facet narrows it", "[serve][browser]") {
  ServedStore served(BrowserStore::get().fresh.spec());
  Dom home(rendered(base(served) + "/", "home"));
  check_inert(home);
  auto titles = home.all("//ol[@id='articles']/li//a[@class='title']");
  CHECK(titles.size() == 20);
  CHECK(!home.all("//section[@id='topics']//a[@data-facet='topic']").empty());
  CHECK(!home.all("//section[@id='providers']//a[@data-facet='provider']").empty());
  CHECK(!home.all("//section[@id='dates']//*[local-name()='svg']").empty());

  // Follow the "Ties" topic link as a click would: its href, from the rendered page.
  auto hrefs = home.all("//section[@id='topics']//a[span[@class='name']='Ties']/@href");
  REQUIRE(hrefs.size() == 1);
  CHECK(hrefs[0] == "/?topic=Ties");
  Dom narrowed(rendered(base(served) + hrefs[0], "facet"));
  check_inert(narrowed);
  CHECK(narrowed.all("//ul[@id='active-filters']/li").size() == 1);
  // The fixtures have four articles about ties (tests/data/query: tie-a, tie-b, tie-c, undated).
  CHECK(narrowed.all("//ol[@id='articles']/li").size() == 4);
  CHECK(narrowed.one("//p[@id='summary']") == "1\xE2\x80\x93" "4 of 4 articles");
  CHECK(narrowed.all("//section[@id='topics']//a[@class='active']/span[@class='name']") ==
        std::vector<std::string>{"Ties"});
}

TEST_CASE("browser: a search highlights its words in the snippets", "[serve][browser]") {
  ServedStore served(BrowserStore::get().fresh.spec());
  Dom found(rendered(base(served) + "/search?q=quantum", "search"));
  check_inert(found);
  auto items = found.all("//ol[@id='articles']/li");
  CHECK(items.size() >= 2);
  auto marks = found.all("//ol[@id='articles']//mark");
  REQUIRE(!marks.empty());
  for (const auto& m : marks) CHECK((m == "quantum" || m == "Quantum"));
  CHECK(found.one("//input[@name='q']/@value") == "quantum");
}

TEST_CASE("browser: an article page shows every field, its images and related coverage", "[serve][browser]") {
  ServedStore served(BrowserStore::get().fresh.spec());
  auto http = served.client();
  auto api = http.Get("/api/search?q=RTX&limit=1");
  REQUIRE(api);
  auto article = nlohmann::ordered_json::parse(api->body).at(0);
  std::string id = std::to_string(article["id"].get<long>());
  Dom page(rendered(base(served) + "/articles/" + id, "article"));
  check_inert(page);
  CHECK(page.one("//h1[@id='title']") == article["title"].get<std::string>());
  std::vector<std::string> keys;
  for (const auto& [key, value] : article.items()) keys.push_back(key);
  CHECK(page.all("//dl[@id='fields']/dt") == keys);
  CHECK(page.all("//section[@id='images']//img").size() == article["images"].size());
  CHECK(page.all("//section[@id='related']/ol[1]/li").size() == article["related"].size());
}

TEST_CASE("browser: hostile text from a feed is shown as text and never runs", "[serve][browser]") {
  ServedStore served(BrowserStore::get().fresh.spec());
  auto http = served.client();
  auto api = http.Get("/api/articles?topic=Hostile");
  REQUIRE(api);
  auto article = nlohmann::ordered_json::parse(api->body).at(0);
  std::string id = std::to_string(article["id"].get<long>());
  Dom page(rendered(base(served) + "/articles/" + id, "hostile"));
  check_inert(page);
  CHECK(page.one("//h1[@id='title']") == "<script>alert('title')</script> \"Quoted\" & <img src=x onerror=alert(1)>");
  CHECK(page.all("//h1[@id='title']/*").empty());
  CHECK(page.one("//p[@id='excerpt']") == article["excerpt"].get<std::string>());
  CHECK(page.one("//dd[@data-field='shareUrl']") == "javascript:alert(6)");
  CHECK(page.all("//dd[@data-field='shareUrl']//a").empty());
  CHECK(page.all("//dd[@data-field='homepage']//a").empty());
  CHECK(page.one("//section[@id='body']/pre") == article["body"].get<std::string>());
  CHECK(page.one("//section[@id='related']//h3") == "<svg onload=alert(5)>related</svg>");
  CHECK(page.all("//img").size() == 1);

  Dom list(rendered(base(served) + "/?topic=Hostile", "hostile-list"));
  check_inert(list);
  CHECK(list.all("//ol[@id='articles']//a[@class='title']") ==
        std::vector<std::string>{article["title"].get<std::string>()});
}
