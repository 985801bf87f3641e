#include "cli/commands/schema.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <ostream>

#include "cli/commands/commands.hpp"
#include "cli/context.hpp"

namespace newsdb::cli {

void print_schema(std::ostream& out, const std::vector<TableSchema>& tables) {
  bool first = true;
  for (const auto& table : tables) {
    if (!first) out << '\n';
    first = false;
    out << table.name;
    if (table.name == "articles_iso") {
      out << "  (view: articles with times as ISO-8601 UTC text and the provider's name)";
    } else if (table.view) {
      out << "  (view)";
    }
    out << '\n';
    std::size_t width = 0;
    for (const auto& column : table.columns) width = std::max(width, column.first.size());
    for (const auto& [name, type] : table.columns) {
      out << "  " << name;
      if (!type.empty()) out << std::string(width - name.size() + 2, ' ') << type;
      out << '\n';
    }
  }
}

int run_schema(Context& ctx) {
  auto store = ctx.open_store(OpenMode::kReadOnly);
  if (!store) return ctx.report(store.error());
  auto tables = (*store)->reader().schema();
  if (!tables) return ctx.report(tables.error());
  print_schema(ctx.out(), *tables);
  ctx.out().flush();
  return kExitOk;
}

void add_schema_command(CLI::App& app, Context& ctx, int& status) {
  auto* cmd = app.add_subcommand("schema", "List the tables and views `newsdb sql` can read");
  cmd->footer(
      "Each table or view with its columns and their types. articles_iso is a view every\n"
      "`newsdb sql` session has: articles with its times as ISO-8601 UTC text and the\n"
      "provider's name and domain. Example:\n"
      "  newsdb schema\n"
      "  newsdb sql \"SELECT published_at, provider, title FROM articles_iso LIMIT 5\"");
  cmd->callback([&ctx, &status] { status = run_schema(ctx); });
}

}  // namespace newsdb::cli
