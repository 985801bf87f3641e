// Every command registers itself on the parser with one function. Each command file holds an
// options struct, the function that runs the command from that struct and a Context, and the
// add_*_command function that wires CLI11 options into the struct — the only part that sees CLI11.
//
// A command's callback stores its exit status in `status`.
#pragma once

namespace CLI {
class App;
}

namespace newsdb::cli {

class Context;

void add_check_command(CLI::App& app, Context& ctx, int& status);
void add_import_command(CLI::App& app, Context& ctx, int& status);
void add_query_command(CLI::App& app, Context& ctx, int& status);
void add_search_command(CLI::App& app, Context& ctx, int& status);
void add_show_command(CLI::App& app, Context& ctx, int& status);
void add_facet_commands(CLI::App& app, Context& ctx, int& status);  // topics, providers, categories
void add_related_command(CLI::App& app, Context& ctx, int& status);
void add_stats_command(CLI::App& app, Context& ctx, int& status);
void add_export_command(CLI::App& app, Context& ctx, int& status);
void add_errors_command(CLI::App& app, Context& ctx, int& status);
void add_sql_command(CLI::App& app, Context& ctx, int& status);
void add_schema_command(CLI::App& app, Context& ctx, int& status);
void add_sources_command(CLI::App& app, Context& ctx, int& status);
void add_fetch_command(CLI::App& app, Context& ctx, int& status);
void add_migrate_command(CLI::App& app, Context& ctx, int& status);
void add_stories_command(CLI::App& app, Context& ctx, int& status);
void add_story_command(CLI::App& app, Context& ctx, int& status);
void add_serve_command(CLI::App& app, Context& ctx, int& status);

}  // namespace newsdb::cli
