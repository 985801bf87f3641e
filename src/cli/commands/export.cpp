// STUB: `newsdb export` is registered but not implemented yet.
#include <CLI/CLI.hpp>

#include "cli/commands/commands.hpp"
#include "cli/context.hpp"

namespace newsdb::cli {

void add_export_command(CLI::App& app, Context& ctx, int& status) {
  auto* cmd = app.add_subcommand("export", "(not implemented yet)");
  cmd->allow_extras();
  cmd->callback([&ctx, &status] {
    status = ctx.report(Error{ErrorKind::kUnsupported, "'export' is not implemented yet"});
  });
}

}  // namespace newsdb::cli
