// Rows in COPY's text format (tab-separated, \N for NULL, backslash escapes), the fastest way to
// hand PostgreSQL many rows: values travel as data, never as SQL text.
//
//   CopyText rows;
//   rows.field(url).field(std::optional<std::int64_t>{}).end_row();
//   conn.copy_in("COPY stage (url, n) FROM STDIN", rows.data());
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace newsdb::postgres {

class CopyText {
 public:
  CopyText& field(std::string_view text);
  CopyText& field(const char* text) { return field(std::string_view(text)); }
  CopyText& field(const std::string& text) { return field(std::string_view(text)); }
  CopyText& field(std::int64_t value);
  CopyText& field(int value) { return field(static_cast<std::int64_t>(value)); }
  CopyText& field(bool value);
  CopyText& null();
  template <typename T>
  CopyText& field(const std::optional<T>& value) {
    return value ? field(*value) : null();
  }
  CopyText& end_row();

  std::string_view data() const { return data_; }
  std::int64_t rows() const { return rows_; }
  bool empty() const { return rows_ == 0; }

 private:
  void separate();

  std::string data_;
  std::int64_t rows_ = 0;
  bool row_open_ = false;
};

// A text[] literal ({"a","b\"c"}) for binding a list of strings as one parameter.
std::string array_literal(std::span<const std::string> values);

}  // namespace newsdb::postgres
