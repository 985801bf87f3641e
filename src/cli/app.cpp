#include "cli/app.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <newsdb/version.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "cli/commands/commands.hpp"
#include "cli/context.hpp"
#include "cli/suggest.hpp"

namespace newsdb::cli {
namespace {

// Every command, in the order `newsdb --help` lists them. A new command adds its line here.
using AddCommand = void (*)(CLI::App&, Context&, int&);
constexpr AddCommand kCommands[] = {
    add_check_command,  add_import_command,  add_query_command,   add_search_command,
    add_show_command,   add_stories_command, add_story_command,   add_facet_commands,
    add_related_command, add_stats_command,  add_export_command,  add_errors_command,
    add_sql_command,    add_schema_command,  add_sources_command, add_fetch_command,
    add_migrate_command, add_serve_command,
};

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  return names;
}

// The first word that is neither an option nor --db's value: the command the user meant.
std::optional<std::string> command_word(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--db") {
      ++i;
      continue;
    }
    if (arg.starts_with("-")) continue;
    return std::string(arg);
  }
  return std::nullopt;
}

CLI::App* find_command(CLI::App& app, std::string_view name) {
  for (CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_name() == name) return sub;
  }
  return nullptr;
}

// The long and short names of `command`'s options ("--topic", "-t"), its parent's too.
std::vector<std::string> option_names(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::App* app = &command; app; app = app->get_parent()) {
    for (const CLI::Option* opt : app->get_options()) {
      for (const auto& name : opt->get_lnames()) names.push_back("--" + name);
      for (const auto& name : opt->get_snames()) {
        if (std::find(names.begin(), names.end(), "-" + name) == names.end()) {
          names.push_back("-" + name);
        }
      }
    }
  }
  return names;
}

// `command`'s help as `newsdb ... COMMAND --help` prints it.
std::string help_of(const CLI::App& command) {
  const CLI::App* parent = command.get_parent();
  if (!parent) return command.help();
  std::string prefix;
  for (const CLI::App* app = parent; app; app = app->get_parent()) {
    prefix = prefix.empty() ? app->get_name() : app->get_name() + " " + prefix;
  }
  return command.help(prefix);
}

// The "Usage: ..." line of `command`'s help.
std::string usage_line(const CLI::App& command) {
  std::string help = help_of(command);
  auto start = help.find("Usage:");
  if (start == std::string::npos) return "";
  return help.substr(start, help.find('\n', start) - start);
}

std::string help_hint(const CLI::App* command) {
  if (!command) return "Run 'newsdb help' for the commands, or 'newsdb help COMMAND' for one.\n";
  return usage_line(*command) + "\nRun 'newsdb help " + command->get_name() +
         "' for every option and an example.\n";
}

int unknown_command(const CLI::App& app, const std::string& word) {
  auto names = command_names(app);
  std::cerr << "newsdb: error: unknown command '" << word << "'";
  if (auto near = nearest(word, names); !near.empty()) {
    std::cerr << ": did you mean " << one_of(near) << "?";
  }
  std::cerr << "\nThe commands are " << one_of(names) << ".\n" << help_hint(nullptr);
  return kExitUsage;
}

// Options CLI11 did not take, with a suggestion for the first that looks like a misspelling.
int unexpected_arguments(CLI::App& app, CLI::App* command, const CLI::ParseError& error) {
  std::vector<std::string> extras = app.remaining(true);
  std::string prefix = command ? "newsdb " + command->get_name() : "newsdb";
  const std::string* option = nullptr;
  for (const auto& extra : extras) {
    if (extra.starts_with("-") && extra != "-") {
      option = &extra;
      break;
    }
  }
  if (option) {
    std::string name = option->substr(0, option->find('='));
    std::cerr << prefix << ": error: unknown option '" << name << "'";
    if (auto near = nearest(name, option_names(command ? *command : app)); !near.empty()) {
      std::cerr << ": did you mean " << one_of(near) << "?";
    }
    std::cerr << '\n';
  } else {
    std::cerr << prefix << ": error: " << error.what() << '\n';
  }
  std::cerr << help_hint(command);
  return kExitUsage;
}

// `newsdb help [COMMAND [SUBCOMMAND]]`: the same text as --help.
void add_help_command(CLI::App& app, int& status) {
  auto words = std::make_shared<std::vector<std::string>>();
  auto* cmd = app.add_subcommand("help", "Show the help of newsdb or of one command");
  cmd->add_option("command", *words, "the command (and subcommand) to explain");
  cmd->footer("Example:\n  newsdb help query");
  cmd->callback([&app, &status, words] {
    CLI::App* target = &app;
    for (const auto& word : *words) {
      CLI::App* sub = find_command(*target, word);
      if (!sub) {
        status = unknown_command(*target, word);
        return;
      }
      target = sub;
    }
    std::cout << help_of(*target);
    status = kExitOk;
  });
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
  app.footer(
      "Examples:\n"
      "  newsdb import ~/news\n"
      "  newsdb query --topic AI --since 7d\n"
      "  newsdb help query");
  app.add_option("--db", ctx.global().db,
                 "database: a SQLite file path or a postgresql:// URI (env NEWSDB_DB; default "
                 "$XDG_DATA_HOME/newsdb/newsdb.sqlite)")
      ->type_name("PATH|URI");

  for (AddCommand add : kCommands) add(app, ctx, status);
  add_help_command(app, status);

  auto word = command_word(argc, argv);
  CLI::App* command = word ? find_command(app, *word) : nullptr;
  if (word && !command) return unknown_command(app, *word);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ExtrasError& e) {
    return unexpected_arguments(app, command, e);
  } catch (const CLI::ParseError& e) {
    std::cerr << (command ? "newsdb " + command->get_name() : std::string("newsdb"))
              << ": error: " << e.what() << '\n'
              << help_hint(command);
    return kExitUsage;
  }
  std::cout.flush();
  return status;
}

}  // namespace newsdb::cli
