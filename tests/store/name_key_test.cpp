#include <catch2/catch.hpp>

#include "store/name_key.hpp"

using newsdb::store::name_key;

TEST_CASE("name keys fold ASCII and Unicode letters and keep everything else", "[store]") {
  CHECK(name_key("AI Hardware") == "ai hardware");
  CHECK(name_key("ÉNERGIE Été") == "énergie été");
  CHECK(name_key("ЖУРНАЛ") == "журнал");
  CHECK(name_key("ΑΘΗΝΑ") == "αθηνα");
  CHECK(name_key("東京 #MeToo '90s") == "東京 #metoo '90s");
  CHECK(name_key("") == "");
}

TEST_CASE("name keys copy bytes that are not UTF-8 unchanged", "[store]") {
  CHECK(name_key(std::string("A\xff" "B\xc3", 4)) == std::string("a\xff" "b\xc3", 4));
}
