#include "store/postgres/copy_text.hpp"

namespace newsdb::postgres {

void CopyText::separate() {
  if (row_open_) data_ += '\t';
  row_open_ = true;
}

CopyText& CopyText::field(std::string_view text) {
  separate();
  // COPY text format: backslash starts an escape, and tab / newline / carriage return are
  // delimiters, so all four are escaped; every other byte (UTF-8 included) goes as it is, in runs
  // (a body is long, and appending it byte by byte was a tenth of an import's client time).
  std::size_t from = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    const char* escape = nullptr;
    switch (text[at]) {
      case '\\': escape = "\\\\"; break;
      case '\t': escape = "\\t"; break;
      case '\n': escape = "\\n"; break;
      case '\r': escape = "\\r"; break;
      default: continue;
    }
    data_.append(text.substr(from, at - from)).append(escape, 2);
    from = at + 1;
  }
  data_.append(text.substr(from));
  return *this;
}

CopyText& CopyText::field(std::int64_t value) {
  separate();
  data_ += std::to_string(value);
  return *this;
}

CopyText& CopyText::field(bool value) {
  separate();
  data_ += value ? 't' : 'f';
  return *this;
}

CopyText& CopyText::null() {
  separate();
  data_ += "\\N";
  return *this;
}

CopyText& CopyText::end_row() {
  data_ += '\n';
  row_open_ = false;
  ++rows_;
  return *this;
}

std::string array_literal(std::span<const std::string> values) {
  std::string out = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    out += '"';
    for (char c : values[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  out += '}';
  return out;
}

}  // namespace newsdb::postgres
