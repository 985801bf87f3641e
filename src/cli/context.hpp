// What every command gets besides its own options: the global flags, the output streams, what kind
// of terminal it writes to, and the database it should open. Commands never see the parser.
#pragma once

#include <iosfwd>
#include <memory>
#include <newsdb/error.hpp>
#include <newsdb/store.hpp>
#include <span>
#include <string>
#include <string_view>

#include "cli/output/format.hpp"

namespace newsdb::cli {

// Exit statuses (docs/cli.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;  // some input failed, or nothing matched an id/URL
inline constexpr int kExitUsage = 2;

struct GlobalOptions {
  std::string db;  // --db; empty = NEWSDB_DB, else the XDG default
};

class Context {
 public:
  Context(std::ostream& out, std::ostream& err);

  std::ostream& out() const { return out_; }
  std::ostream& err() const { return err_; }

  bool stdout_is_terminal() const { return stdout_tty_; }
  bool stderr_is_terminal() const { return stderr_tty_; }
  // Colour only on a terminal, and never with NO_COLOR set (to anything).
  bool color() const { return stdout_tty_ && !no_color_; }
  // The terminal's width in columns, or 0 when stdout is not a terminal.
  int terminal_width() const;

  GlobalOptions& global() { return global_; }

  // The format a command prints in: `asked` (its --format; kInvalidInput naming the allowed ones
  // unless it is one of `allowed`), else `on_terminal` when stdout is a terminal and `in_pipe`
  // (script-friendly) when it is not.
  Result<Format> output_format(std::string_view asked, std::span<const Format> allowed,
                               Format on_terminal, Format in_pipe) const;

  // --db, else NEWSDB_DB, else $XDG_DATA_HOME/newsdb/newsdb.sqlite, else
  // ~/.local/share/newsdb/newsdb.sqlite.
  std::string database_spec() const;
  Result<std::unique_ptr<Store>> open_store(OpenMode mode) const;
  // The database if it exists, opened once: null (not an error) when it does not. For commands
  // whose answer is a list (errors, sources list) or that only change or poll what is there
  // (fetch, sources remove): with no database they answer as with an empty one, creating none.
  // `mode` is kReadOnly or kReadWriteExisting (which migrates an older schema).
  Result<std::unique_ptr<Store>> open_store_if_exists(OpenMode mode) const;

  // Prints "newsdb: error: MESSAGE" on stderr and returns the exit status for `error`
  // (kInvalidInput -> 2, anything else -> 1).
  int report(const Error& error) const;
  // Prints "newsdb: warning: MESSAGE" on stderr.
  void warn(const std::string& message) const;

 private:
  std::ostream& out_;
  std::ostream& err_;
  bool stdout_tty_ = false;
  bool stderr_tty_ = false;
  bool no_color_ = false;
  GlobalOptions global_;
};

}  // namespace newsdb::cli
