#include <catch2/catch.hpp>
#include <sstream>

#include "cli/output/table.hpp"
#include "cli/output/text_width.hpp"

using namespace newsdb::cli;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

Table sample() {
  Table t({{"ID", Align::kRight}, {"PROVIDER", Align::kLeft, 2, 6}, {"TITLE", Align::kLeft, 3, 10},
           {"TOPICS", Align::kLeft, 1, 0}});
  t.add_row({"1", "Beebom", "Thousands of RTX 4090 GPUs Are Being Rebuilt for AI Computing in China",
             "AI Hardware, AI"});
  t.add_row({"22", "The Indian Express", "From GPUs to NPUs", "AI"});
  return t;
}

}  // namespace

TEST_CASE("a table fits the terminal width, cutting the title with an ellipsis", "[cli][output]") {
  std::ostringstream out;
  sample().print(out, 60, Style(false));
  auto lines = lines_of(out.str());
  REQUIRE(lines.size() == 3);
  for (const auto& line : lines) CHECK(display_width(line) <= 60);
  CHECK(lines[1].find("…") != std::string::npos);
  CHECK(lines[0].find("TOPICS") == std::string::npos);  // the first to shrink, and it may vanish
  CHECK(lines[2].find("From GPUs to NPUs") != std::string::npos);
}

TEST_CASE("without a width limit nothing is cut and columns line up", "[cli][output]") {
  std::ostringstream out;
  sample().print(out, 0, Style(false));
  auto lines = lines_of(out.str());
  REQUIRE(lines.size() == 3);
  CHECK(lines[1].find("Computing in China") != std::string::npos);
  CHECK(lines[1].find("…") == std::string::npos);
  CHECK(lines[0].find("TITLE") == lines[1].find("Thousands"));
  CHECK(lines[2].substr(0, 2) == "22");
  CHECK(lines[1].substr(0, 2) == " 1");  // right-aligned ids
}

TEST_CASE("colour codes appear only when colour is on", "[cli][output]") {
  std::ostringstream plain, coloured;
  sample().print(plain, 0, Style(false));
  sample().print(coloured, 0, Style(true));
  CHECK(plain.str().find('\x1b') == std::string::npos);
  CHECK(coloured.str().find("\x1b[1m") != std::string::npos);
}

TEST_CASE("a snippet line shows its matches highlighted, or plain without colour", "[cli][output]") {
  Table t({{"ID"}, {"TITLE"}});
  t.add_row({"1", "t"}, std::string("the \x02" "cafe\x03 is open"));
  std::ostringstream plain, coloured;
  t.print(plain, 0, Style(false));
  t.print(coloured, 0, Style(true));
  CHECK(plain.str().find("the cafe is open") != std::string::npos);
  CHECK(coloured.str().find("\x1b[1;33mcafe\x1b[0m") != std::string::npos);
}
