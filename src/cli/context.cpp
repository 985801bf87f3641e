#include "cli/context.hpp"
#include "cli/output/redacted_url.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <newsdb/diagnostic.hpp>
#include <ostream>

namespace newsdb::cli {

Context::Context(std::ostream& out, std::ostream& err)
    : out_(out),
      err_(err),
      stdout_tty_(isatty(STDOUT_FILENO) == 1),
      stderr_tty_(isatty(STDERR_FILENO) == 1),
      no_color_(std::getenv("NO_COLOR") != nullptr) {}

int Context::terminal_width() const {
  if (!stdout_tty_) return 0;
  winsize ws{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  if (const char* columns = std::getenv("COLUMNS")) {
    int n = std::atoi(columns);
    if (n > 0) return n;
  }
  return 80;
}

std::string Context::database_spec() const {
  if (!global_.db.empty()) return global_.db;
  if (const char* env = std::getenv("NEWSDB_DB"); env && *env) return env;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
    return std::string(xdg) + "/newsdb/newsdb.sqlite";
  }
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : ".") + "/.local/share/newsdb/newsdb.sqlite";
}

Result<Format> Context::output_format(std::string_view asked, std::span<const Format> allowed,
                                      Format on_terminal, Format in_pipe) const {
  if (!asked.empty()) return parse_format(asked, allowed);
  return stdout_tty_ ? on_terminal : in_pipe;
}

Result<std::unique_ptr<Store>> Context::open_store(OpenMode mode) const {
  return newsdb::open_store(database_spec(), mode);
}

Result<std::unique_ptr<Store>> Context::open_store_if_exists(OpenMode mode) const {
  auto store = open_store(mode);
  if (!store && store.error().kind == ErrorKind::kNotFound) return nullptr;
  return store;
}

int Context::report(const Error& error) const {
  err_ << "newsdb: error: " << escape_controls(redacted_text(error.message)) << '\n';
  return error.kind == ErrorKind::kInvalidInput ? kExitUsage : kExitFailed;
}

void Context::warn(const std::string& message) const {
  err_ << "newsdb: warning: " << escape_controls(redacted_text(message)) << '\n';
}

}  // namespace newsdb::cli
