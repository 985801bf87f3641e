#include <catch2/catch.hpp>

#include "cli/output/text_width.hpp"

using namespace newsdb::cli;

TEST_CASE("display width counts wide and zero-width characters as a terminal does", "[cli][output]") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("Café") == 4);
  CHECK(display_width("Cafe\xCC\x81") == 4);           // e + combining acute
  CHECK(display_width("日本語") == 6);                  // CJK: two columns each
  CHECK(display_width("한국") == 4);                    // Hangul
  CHECK(display_width("\xF0\x9F\x9A\x80") == 2);       // rocket emoji
  CHECK(display_width("a\xE2\x80\x8B" "b") == 2);      // zero-width space
}

TEST_CASE("fit_width cuts with an ellipsis and never splits a character", "[cli][output]") {
  CHECK(fit_width("hello world", 20) == "hello world");
  CHECK(fit_width("hello world", 11) == "hello world");
  CHECK(fit_width("hello world", 8) == "hello w…");
  CHECK(fit_width("hello world", 7) == "hello…");  // trailing space before the cut dropped
  CHECK(fit_width("日本語テキスト", 7) == "日本語…");
  CHECK(display_width(fit_width("日本語テキスト", 6)) <= 6);
  CHECK(fit_width("anything", 0) == "anything");
}

TEST_CASE("single_line makes stored text safe for one terminal line", "[cli][output]") {
  CHECK(single_line("a\nb\tc") == "a b c");
  CHECK(single_line("  lots   of\r\n space  ") == "lots of space");
  // An escape sequence in stored text must not reach the terminal.
  CHECK(single_line("evil\x1b[2Jtitle") == "evil\\x1b[2Jtitle");
  CHECK(single_line("bell\a and \xC2\x9B csi") == "bell\\x07 and \\u009b csi");
  CHECK(single_line("bad\xFFutf8") == "bad\xEF\xBF\xBDutf8");
  CHECK(single_line("x\x02y\x03z", true) == "x\x02y\x03z");
  CHECK(single_line("x\x02y\x03z", false) == "x y z");
}

TEST_CASE("printable keeps lines and tabs but not escape sequences", "[cli][output]") {
  CHECK(printable("line 1\r\nline 2\n\tindented") == "line 1\nline 2\n\tindented");
  CHECK(printable("a\x1b[31mred") == "a\\x1b[31mred");
}
