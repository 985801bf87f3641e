// Turning SOURCE arguments into the ordered stream of inputs to read (docs/import.md: "input order is
// deterministic: arguments in order, directories in sorted path order").
//
// Files come with their size and modification time. Folders are walked recursively; their files
// come in sorted order of their paths (byte order of the whole relative path), hidden entries
// (names starting with '.') are skipped, symbolic links are followed, and a folder that was
// already walked (a symlink loop, or two links to one folder) is walked once. Archives (.tar,
// .tar.gz, .tgz), `-` (stdin) and http(s) URLs are passed through as their own kinds: the import
// pipeline expands them. Problems (a missing argument, an unreadable folder) become diagnostics;
// a loop or a dangling link inside a walk is a warning.
//
// Every input also has a key: what the store remembers it by (its import record, its errors, the
// source of its articles). For a file or a folder it is the canonical absolute path: the argument's
// folder resolved once (realpath) with the argument's own name and the walked names joined on, so
// one file imported by an absolute path, by a relative one, or through a symbolic link to a folder
// on its way is one input. Paths as typed are kept for diagnostics. A URL and `-` are their own
// key.
//
// The walk streams: InputWalk hands out one input at a time and holds only the listings of the
// folders on the path from the argument to where it is (one sorted listing per depth), so its
// memory is bounded by the largest folder, not by the number of files under the argument.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <newsdb/diagnostic.hpp>
#include <optional>
#include <set>
#include <string>
#include <utility>
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
  std::string key;            // the store's key (see above); empty: the same as `path`

  const std::string& log_key() const { return key.empty() ? path : key; }
  friend bool operator==(const InputItem&, const InputItem&) = default;
};

// The canonical absolute form of a path as the walk keys it (see above): its folder resolved
// with realpath, its own name kept; "." and ".." resolved whole. A folder that cannot be resolved
// (it does not exist) is made absolute from the working folder instead, lexically.
std::string canonical_key(const std::string& path);

// A problem met by the walk (see take_problems), with the key of what it is about.
struct WalkProblem {
  Diagnostic diagnostic;
  std::string key;
};

// A folder argument whose walk has ended. `complete` when every folder under it was read (no
// error, warnings allowed): then every input under it was met.
struct WalkedFolder {
  std::string key;
  bool complete = true;
};

// The kind an argument or a walked file has by its name alone.
InputKind input_kind_for(const std::string& path);

// The inputs of `sources`, in order, one at a time. Not thread-safe: one thread pulls.
class InputWalk {
 public:
  explicit InputWalk(std::vector<std::string> sources);

  // The next input, or nullopt when every source is done. Never throws; filesystem errors
  // become problems (take them with take_problems()).
  std::optional<InputItem> next();
  // The problems met since the last call, in the order met: errors (a missing argument, an
  // unreadable folder) and warnings (a symlink loop, a dangling link).
  std::vector<Diagnostic> take_problems();
  // The same, each with the key of the path it is about.
  std::vector<WalkProblem> take_keyed_problems();
  // The folder argument being walked now (its key), if any: set by the next() that enters it.
  const std::optional<std::string>& folder_argument() const { return walking_; }
  // Folder arguments whose walk ended since the last call, in order. A folder's walk ends in the
  // next() after its last input (or in the one that finds it empty).
  std::vector<WalkedFolder> take_walked();
  // Folder entries held right now (the listings on the current path): what the walk's memory
  // is proportional to. For tests and for the bounded-memory promise above.
  std::size_t entries_held() const;

 private:
  struct Entry {
    std::string name;
    bool folder = false;
    InputKind kind = InputKind::kFile;
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
  };
  struct Listing {
    std::string folder;          // its path, as the walk reached it
    std::string key;             // its canonical key
    std::vector<Entry> entries;  // sorted as whole paths sort (see discovery.cpp)
    std::size_t next = 0;
  };

  std::optional<InputItem> argument(const std::string& source);
  void enter(std::string folder, std::string key);
  void add_problem(std::string path, std::string key, std::string message, Severity severity);
  void end_folder_argument();

  std::vector<std::string> sources_;
  std::size_t next_source_ = 0;
  std::vector<Listing> path_;  // the folders from the argument down to the current one
  std::set<std::pair<dev_t, ino_t>> visited_;
  std::vector<WalkProblem> problems_;
  std::optional<std::string> walking_;  // the folder argument being walked
  bool walk_complete_ = true;           // no folder under it failed to be read so far
  std::vector<WalkedFolder> walked_;
};

}  // namespace newsdb::ingest
