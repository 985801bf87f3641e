// STUB: `newsdb stats` is registered but not implemented yet.
#include <CLI/CLI.hpp>

#include "cli/commands/commands.hpp"
#include "cli/context.hpp"

namespace newsdb::cli {

void add_stats_command(CLI::App& app, Context& ctx, int& status) {
  auto* cmd = app.add_subcommand("stats", "(not implemented yet)");
  cmd->allow_extras();
  cmd->callback([&ctx, &status] {
    status = ctx.report(Error{ErrorKind::kUnsupported, "'stats' is not implemented yet"});
  });
}

}  // namespace newsdb::cli
