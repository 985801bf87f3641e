#include "cli/app.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <newsdb/version.hpp>

#include "cli/commands/commands.hpp"
#include "cli/context.hpp"

namespace newsdb::cli {
namespace {

// The first word that is neither an option nor --db's value, when it names no command: CLI11
// would only say "A subcommand is required", which hides the typo.
std::optional<std::string> unknown_command(const CLI::App& app, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--db") {
      ++i;
      continue;
    }
    if (arg.starts_with("-")) continue;
    for (const CLI::App* sub : app.get_subcommands({})) {
      if (sub->get_name() == arg) return std::nullopt;
    }
    return std::string(arg);
  }
  return std::nullopt;
}

std::string command_names(const CLI::App& app) {
  std::string names;
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (!names.empty()) names += ", ";
    names += sub->get_name();
  }
  return names;
}

}  // namespace

int run(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  Context ctx(std::cout, std::cerr);
  int status = kExitOk;

  CLI::App app{"newsdb: ingest news articles into a local store and query them"};
  app.name("newsdb");
  app.set_version_flag("--version", std::string("newsdb ") + kVersion);
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option("--db", ctx.global().db,
                 "database: a SQLite file path or a postgresql:// URI (env NEWSDB_DB; default "
                 "$XDG_DATA_HOME/newsdb/newsdb.sqlite)");

  add_check_command(app, ctx, status);
  add_import_command(app, ctx, status);
  add_query_command(app, ctx, status);
  add_search_command(app, ctx, status);
  add_show_command(app, ctx, status);
  add_facet_commands(app, ctx, status);
  add_related_command(app, ctx, status);
  add_stats_command(app, ctx, status);
  add_export_command(app, ctx, status);
  add_errors_command(app, ctx, status);
  add_sql_command(app, ctx, status);
  add_sources_command(app, ctx, status);
  add_fetch_command(app, ctx, status);
  add_migrate_command(app, ctx, status);

  if (auto word = unknown_command(app, argc, argv)) {
    std::cerr << "newsdb: error: unknown command '" << *word << "': the commands are "
              << command_names(app) << "\n";
    std::cerr << "Run 'newsdb --help' (or 'newsdb COMMAND --help') for usage.\n";
    return kExitUsage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "newsdb: error: " << e.what() << "\n";
    std::cerr << "Run 'newsdb --help' (or 'newsdb COMMAND --help') for usage.\n";
    return kExitUsage;
  }
  std::cout.flush();
  return status;
}

}  // namespace newsdb::cli
