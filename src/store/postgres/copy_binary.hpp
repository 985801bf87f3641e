// Rows in COPY's binary format, for values whose text form costs the server more to parse than
// their binary form (a tsvector: its text is parsed, sorted and de-duplicated lexeme by lexeme;
// its binary form is copied in as it is).
//
//   CopyBinary rows;
//   rows.row(3).bigint(7).text(url).raw(vector.binary);
//   conn.copy_in("COPY stage (n, search) FROM STDIN WITH (FORMAT binary)", rows.bytes());
//
// Each row must have as many fields as its row() says and as the COPY's column list names; the
// server checks the count and each value's binary form, and refuses the COPY if one is wrong.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsdb::postgres {

// Appends the low `bytes` bytes of `value` in network byte order, as binary COPY data has them.
void put_big_endian(std::string& out, std::uint64_t value, int bytes);

class CopyBinary {
 public:
  CopyBinary();

  CopyBinary& row(int fields);
  CopyBinary& bigint(std::int64_t value);
  CopyBinary& integer(std::int32_t value);
  CopyBinary& boolean(bool value);
  CopyBinary& text(std::string_view value) { return raw(value); }  // UTF-8 bytes as they are
  CopyBinary& text(const std::string& value) { return raw(value); }
  CopyBinary& text(const char* value) { return raw(value); }
  CopyBinary& raw(std::string_view value);  // a value already in its type's binary form
  CopyBinary& null();
  // NULL when absent.
  CopyBinary& bigint(const std::optional<std::int64_t>& value) {
    return value ? bigint(*value) : null();
  }
  CopyBinary& boolean(const std::optional<bool>& value) { return value ? boolean(*value) : null(); }
  CopyBinary& text(const std::optional<std::string>& value) { return value ? text(*value) : null(); }

  // The COPY data: header, rows and trailer.
  std::string bytes() const;
  bool empty() const { return rows_ == 0; }

 private:
  std::string data_;
  std::int64_t rows_ = 0;
};

}  // namespace newsdb::postgres
