// `newsdb migrate --from STORE --to STORE`: moves a whole archive between backends (SQLite and
// PostgreSQL, either way) exactly; see <newsdb/migrate.hpp>.
#include <CLI/CLI.hpp>
#include <newsdb/migrate.hpp>
#include <ostream>

#include "cli/commands/commands.hpp"
#include "cli/context.hpp"

namespace newsdb::cli {
namespace {

struct MigrateOptions {
  std::string from;  // a SQLite path or a postgresql:// URI
  std::string to;
};

// Hides a URI's password when echoing it back.
std::string shown(const std::string& spec) {
  auto scheme = spec.find("://");
  auto at = spec.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return spec;
  auto colon = spec.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return spec;
  return spec.substr(0, colon + 1) + "***" + spec.substr(at);
}

int run_migrate(const MigrateOptions& options, Context& ctx) {
  auto report = migrate_archive(options.from, options.to, [&](const TableCount& done) {
    if (ctx.stderr_is_terminal()) ctx.err() << "  " << done.table << ": " << done.rows << '\n';
  });
  if (!report) return ctx.report(report.error());
  ctx.out() << "migrated " << shown(options.from) << " -> " << shown(options.to) << '\n';
  for (const auto& [table, rows] : report->tables) {
    ctx.out() << "  " << table << std::string(16 - std::min<std::size_t>(table.size(), 15), ' ')
              << rows << '\n';
  }
  return kExitOk;
}

}  // namespace

void add_migrate_command(CLI::App& app, Context& ctx, int& status) {
  auto options = std::make_shared<MigrateOptions>();
  auto* cmd = app.add_subcommand(
      "migrate",
      "copy a whole archive between stores (SQLite <-> PostgreSQL), ids and all, into an empty "
      "target");
  cmd->add_option("--from", options->from, "the store to copy: a SQLite path or postgresql:// URI")
      ->required();
  cmd->add_option("--to", options->to,
                  "the empty store to fill (created when missing): a SQLite path or "
                  "postgresql:// URI")
      ->required();
  cmd->footer(
      "Example:\n  newsdb migrate --from ~/.local/share/newsdb/newsdb.sqlite \\\n"
      "                 --to postgresql://postgres@127.0.0.1:5432/newsdb");
  cmd->callback([options, &ctx, &status] { status = run_migrate(*options, ctx); });
}

}  // namespace newsdb::cli
