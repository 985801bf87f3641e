// `newsdb search` with the search language, as a user runs it, on every backend of the run.
#include <catch2/catch.hpp>

#include "cli/cli_store.hpp"

using namespace newsdb;
using namespace newsdb::test;

TEST_CASE("search: a query of punctuation only or of exclusions only exits 2 and says why",
          "[cli][search]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& cli = CliStore::get(backend);
      auto bang = cli.run({"search", "!!!"});
      CHECK(bang.status == 2);
      CHECK_THAT(bang.err, Catch::Contains("no words to look for") && Catch::Contains("!!!"));
      auto excluded = cli.run({"search", "--", "-paris"});
      CHECK(excluded.status == 2);
      CHECK_THAT(excluded.err, Catch::Contains("only excludes") && Catch::Contains("-paris"));
      auto quoted = cli.run({"search", "--", "-\"supply chain\" -x"});
      CHECK(quoted.status == 2);
      CHECK_THAT(quoted.err, Catch::Contains("only excludes"));
    }
  }
}

TEST_CASE("search: -word excludes, quoted or after --", "[cli][search]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& cli = CliStore::get(backend);
      const std::vector<std::string> cafe{"https://www.lemonde.fr/food/cafe-culture-returns"};
      auto kept = cli.run({"search", "espresso -london", "--format", "urls"});
      REQUIRE(kept.status == 0);
      CHECK(lines(kept.out) == cafe);
      auto dropped = cli.run({"search", "espresso -paris", "--format", "urls"});
      REQUIRE(dropped.status == 0);
      CHECK(lines(dropped.out).empty());
      auto after_dashes = cli.run({"search", "--format", "urls", "--", "espresso", "-paris"});
      REQUIRE(after_dashes.status == 0);
      CHECK(lines(after_dashes.out).empty());
      auto phrase = cli.run({"search", "\"cafe culture\"", "--format", "urls"});
      REQUIRE(phrase.status == 0);
      CHECK(lines(phrase.out) == cafe);
      auto reversed = cli.run({"search", "\"culture cafe\"", "--format", "urls"});
      REQUIRE(reversed.status == 0);
      CHECK(lines(reversed.out).empty());
    }
  }
}
