#include <catch2/catch.hpp>
#include <string>

#include "store/postgres/copy_binary.hpp"

using newsdb::postgres::CopyBinary;
using namespace std::string_literals;

// Expected bytes from the binary COPY format in PostgreSQL's documentation (COPY, "Binary
// Format"): an 11-byte signature, flags and header-extension length, then per row a 16-bit field
// count and per field a 32-bit length (-1: NULL) and the value in network byte order, and a
// 16-bit -1 trailer.
TEST_CASE("COPY binary rows: header, typed fields, NULLs and trailer", "[store][postgresql]") {
  CopyBinary rows;
  CHECK(rows.empty());
  rows.row(6).bigint(std::int64_t{-2}).integer(258).boolean(true).text("é").null();
  rows.bigint(std::optional<std::int64_t>{});
  rows.row(2).boolean(std::optional<bool>{false}).text(std::optional<std::string>{"a"});
  CHECK_FALSE(rows.empty());
  const std::string expected =
      "PGCOPY\n\xff\r\n\0"s + "\0\0\0\0"s + "\0\0\0\0"s +  // signature, flags, extension
      "\0\x06"s +                                          // row 1: six fields
      "\0\0\0\x08\xff\xff\xff\xff\xff\xff\xff\xfe"s +       // bigint -2
      "\0\0\0\x04\0\0\x01\x02"s +                           // integer 258
      "\0\0\0\x01\x01"s +                                   // true
      "\0\0\0\x02\xc3\xa9"s +                               // "é" as its UTF-8 bytes
      "\xff\xff\xff\xff"s + "\xff\xff\xff\xff"s +           // NULL, absent bigint
      "\0\x02"s + "\0\0\0\x01\0"s + "\0\0\0\x01" "a"s +     // row 2: false, "a"
      "\xff\xff"s;                                          // trailer
  CHECK(rows.bytes() == expected);
}
