#include "core/text_checks.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace newsdb;

TEST_CASE("find_invalid_utf8 accepts valid UTF-8 of every length", "[text]") {
  CHECK_FALSE(find_invalid_utf8("plain ASCII, long enough for the eight-byte path"));
  CHECK_FALSE(find_invalid_utf8("caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80 end"));
  CHECK_FALSE(find_invalid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
  CHECK_FALSE(find_invalid_utf8(""));
}

TEST_CASE("find_invalid_utf8 finds the first invalid byte", "[text]") {
  CHECK(find_invalid_utf8("abc\xFF") == 3u);
  CHECK(find_invalid_utf8("0123456789\xC3(") == 10u);  // bad continuation
  CHECK(find_invalid_utf8("\xC0\xAF") == 0u);          // overlong '/'
  CHECK(find_invalid_utf8("\xE0\x80\xAF") == 0u);      // overlong, three bytes
  CHECK(find_invalid_utf8("ok \xED\xA0\x80") == 3u);   // a UTF-16 surrogate
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0u);  // above U+10FFFF
  CHECK(find_invalid_utf8("abcdefgh\xE6\x97") == 8u);  // cut short at the end
  CHECK(find_invalid_utf8("\x80") == 0u);              // a lone continuation byte
}

TEST_CASE("find_text_problem prefers a NUL byte, wherever it is", "[text]") {
  std::string binary = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(1, '\0') + "rest";
  auto problem = find_text_problem(binary);
  REQUIRE(problem);
  CHECK(problem->nul);
  CHECK(problem->offset == 8);

  problem = find_text_problem("0123456789abcdef\xFFxyz");
  REQUIRE(problem);
  CHECK_FALSE(problem->nul);
  CHECK(problem->offset == 16);

  std::string nul_in_chunk = std::string("abcdefghijk") + std::string(1, '\0') + "mnopqrstu";
  problem = find_text_problem(nul_in_chunk);
  REQUIRE(problem);
  CHECK(problem->offset == 11);
  CHECK_FALSE(find_text_problem("all good, \xC3\xA9 included, and long"));
}

TEST_CASE("mark_at counts lines from first_line and columns in characters", "[text]") {
  std::string text = "ab\ncaf\xC3\xA9x\n";
  SourceMark m = mark_at(text, 8);  // the 'x' after "café"
  CHECK(m.line == 2);
  CHECK(m.column == 5);
  CHECK(mark_at(text, 0, 2).line == 2);
  MarkCursor cursor(text);
  CHECK(cursor.at(8).column == 5);
  CHECK(cursor.at(1).column == 2);  // going back starts over
}
