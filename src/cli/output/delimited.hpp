// Fields of delimited text: CSV as RFC 4180 has it and tab-separated values.
#pragma once

#include <string>
#include <string_view>

namespace newsdb::cli {

// A CSV field: quoted (with inner quotes doubled) when it holds a comma, a quote, CR or LF, or
// starts or ends with a space; as is otherwise. Records end with CRLF (csv_record_end).
std::string csv_field(std::string_view value);
inline constexpr std::string_view kCsvRecordEnd = "\r\n";

// A TSV field: backslash, tab, newline and carriage return written as \\ \t \n \r, so every
// record is one line and every field can be read back exactly.
std::string tsv_field(std::string_view value);

}  // namespace newsdb::cli
