// `newsdb serve [--host 127.0.0.1] [--port 8080]`: the read-only web pages and JSON API over the
// store (src/serve/, docs/serve.md). The options are checked here, then the server program
// newsdb-serve, installed beside newsdb, takes over this process (exec): the HTTP library is
// loaded only by the command that needs it.
#include <limits.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands/commands.hpp"
#include "cli/context.hpp"

namespace newsdb::cli {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
};

namespace {

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.starts_with("127.");
}

// newsdb-serve in the folder of the running program.
std::filesystem::path server_program() {
  std::error_code error;
  auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return "newsdb-serve";
  return self.parent_path() / "newsdb-serve";
}

}  // namespace

int run_serve(const ServeOptions& options, Context& ctx) {
  if (options.port < 0 || options.port > 65535) {
    return ctx.report(Error{ErrorKind::kInvalidInput,
                            "--port " + std::to_string(options.port) +
                                " is not a port: use 1 to 65535, or 0 for any free port"});
  }
  if (options.host.empty()) {
    return ctx.report(Error{ErrorKind::kInvalidInput, "--host needs an address, e.g. --host 127.0.0.1"});
  }
  if (!is_loopback(options.host)) {
    ctx.warn("serving on " + options.host +
             ": other machines can read this store (the default, 127.0.0.1, keeps it to this one)");
  }
  {
    auto store = ctx.open_store(OpenMode::kReadOnly);  // the CLI's message for a missing store
    if (!store) return ctx.report(store.error());
  }
  auto program = server_program();
  std::string port = std::to_string(options.port);
  std::string db = ctx.database_spec();
  std::vector<const char*> argv = {"newsdb-serve", "--db",   db.c_str(), "--host",
                                   options.host.c_str(), "--port", port.c_str(), nullptr};
  ctx.out().flush();
  ctx.err().flush();
  execv(program.c_str(), const_cast<char* const*>(argv.data()));
  return ctx.report(Error{ErrorKind::kNotFound, "cannot start the server " + program.string() + ": " +
                                                    std::strerror(errno) +
                                                    "; it is installed beside newsdb (reinstall newsdb)"});
}

void add_serve_command(CLI::App& app, Context& ctx, int& status) {
  auto options = std::make_shared<ServeOptions>();
  auto* cmd = app.add_subcommand("serve", "Serve read-only web pages and a JSON API over the store");
  cmd->add_option("--host", options->host, "the address to listen on (another than loopback: a warning)")
      ->default_str("127.0.0.1");
  cmd->add_option("--port", options->port, "the port; 0 picks a free one")->default_str("8080");
  cmd->footer(
      "Prints 'listening on http://HOST:PORT/' first; stops on Ctrl-C (SIGINT) or SIGTERM.\n"
      "Pages: / (newest, facets), /search?q=, /articles/ID, /stats. API: /api/articles,\n"
      "/api/search, /api/articles/ID, /api/topics, /api/providers, /api/categories, /api/stats\n"
      "(the same JSON as --format json). See docs/serve.md.\n"
      "Example:\n"
      "  newsdb serve --port 0");
  cmd->callback([&ctx, &status, options] { status = run_serve(*options, ctx); });
}

}  // namespace newsdb::cli
