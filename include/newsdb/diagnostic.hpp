// One problem found in one input, in the compiler form editors understand:
//   PATH:LINE:COLUMN: error: MESSAGE
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsdb {

enum class Severity { kError, kWarning };

struct Diagnostic {
  std::string path;     // the file as the user named it (archive members: "a.tar.gz:inner/x.md")
  int line = 0;         // 1-based line in the FILE (not in the YAML); 0 when unknown
  int column = 0;       // 1-based column; 0 when unknown
  std::string field;    // the field's path, e.g. "related[1].provider.domain"; empty when none
  std::string message;  // names the field where there is one
  Severity severity = Severity::kError;

  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

// "PATH:LINE:COLUMN: error: MESSAGE" (LINE and COLUMN left out when unknown), always one line:
// control characters in PATH and MESSAGE are escaped (see escape_controls), so a file named
// "a\nb.md:1:1: error: X" cannot print a line of its own.
std::string format_diagnostic(const Diagnostic& d);

// `text` with every control character written as a C-style escape, so that it prints as one line
// and cannot drive a terminal: \n \r \t, other C0 bytes and DEL as \xNN (ESC is \x1b), C1
// controls (U+0080-U+009F) as \u0080-\u009f, and bytes that are not UTF-8 as \xNN. Everything
// else, backslashes included, is kept as is.
std::string escape_controls(std::string_view text);

}  // namespace newsdb
