// Turning SOURCE arguments into the ordered list of inputs to read (DESIGN.md: "input order is
// deterministic: arguments in order, directories in sorted path order").
//
// Files are listed with their size and modification time. Folders are walked recursively; their
// files come in sorted order of their paths (byte order of the whole relative path), hidden
// entries (names starting with '.') are skipped, symbolic links are followed, and a folder that
// was already walked (a symlink loop, or two links to one folder) is walked once. Archives
// (.tar, .tar.gz, .tgz), `-` (stdin) and http(s) URLs are passed through as their own kinds: the
// import pipeline expands them. Problems (a missing argument, an unreadable folder) become
// diagnostics; a loop or a dangling link inside a walk is a warning.
#pragma once

#include <cstdint>
#include <newsdb/diagnostic.hpp>
#include <string>
#include <vector>

namespace newsdb::ingest {

enum class InputKind {
  kFile,     // a file to parse (its format from its name: see input_format_for_path)
  kArchive,  // .tar, .tar.gz, .tgz
  kStdin,    // `-`: NDJSON on standard input
  kUrl,      // http:// or https://
};

// Where an input came from. A folder walk meets all sorts of files, so one without frontmatter
// there is skipped; a file named on the command line without frontmatter is an error.
enum class InputOrigin { kArgument, kFolderWalk };

struct InputItem {
  InputKind kind = InputKind::kFile;
  InputOrigin origin = InputOrigin::kArgument;
  std::string path;           // the argument, or the folder argument joined with the entry's path
  std::uint64_t size = 0;     // bytes; 0 for stdin and URLs
  std::int64_t mtime_ns = 0;  // modification time, ns since the Unix epoch; 0 for stdin and URLs

  friend bool operator==(const InputItem&, const InputItem&) = default;
};

struct Discovery {
  std::vector<InputItem> inputs;
  std::vector<Diagnostic> problems;  // errors (a missing argument) and warnings (a symlink loop)
};

// The kind an argument or a walked file has by its name alone.
InputKind input_kind_for(const std::string& path);

// Lists the inputs of `sources` in order. Never throws; filesystem errors become problems.
Discovery discover_inputs(const std::vector<std::string>& sources);

}  // namespace newsdb::ingest
