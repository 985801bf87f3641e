#include "cli/app.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <newsdb/version.hpp>

#include "cli/commands/commands.hpp"
#include "cli/context.hpp"

namespace newsdb::cli {

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
