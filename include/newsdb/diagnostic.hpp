// One problem found in one input, in the compiler form editors understand:
//   PATH:LINE:COLUMN: error: MESSAGE
#pragma once

#include <string>
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

// "PATH:LINE:COLUMN: error: MESSAGE" (LINE and COLUMN left out when unknown).
std::string format_diagnostic(const Diagnostic& d);

}  // namespace newsdb
