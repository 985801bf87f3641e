// Every command's help ends with an example of it, and `newsdb --version` names the version.
#include <catch2/catch.hpp>
#include <newsdb/version.hpp>

#include "cli/run_cli.hpp"

using namespace newsdb::test;

TEST_CASE("every command's help has an example of that command", "[cli][usage]") {
  // The commands as `newsdb --help` lists them: the lines under "SUBCOMMANDS:".
  auto top = run_cli({"--help"});
  REQUIRE(top.status == 0);
  std::vector<std::vector<std::string>> commands;
  bool in_list = false;
  for (const auto& line : lines(top.out)) {
    if (line.starts_with("SUBCOMMANDS:") || line.starts_with("Subcommands:")) {
      in_list = true;
      continue;
    }
    if (in_list && line.empty()) break;
    if (in_list) {
      auto start = line.find_first_not_of(' ');
      commands.push_back({line.substr(start, line.find(' ', start) - start)});
    }
  }
  REQUIRE(commands.size() >= 15);
  commands.push_back({"sources", "add"});
  commands.push_back({"sources", "list"});
  commands.push_back({"sources", "remove"});
  for (const auto& command : commands) {
    std::vector<std::string> args = {"help"};
    args.insert(args.end(), command.begin(), command.end());
    auto help = run_cli(args);
    std::string name = "newsdb " + command[0] + (command.size() > 1 ? " " + command[1] : "");
    INFO(name);
    CHECK(help.status == 0);
    CHECK_THAT(help.out, Catch::Contains("Example"));
    // The example runs the command itself.
    CHECK_THAT(help.out, Catch::Contains("\n  " + name));
  }
}

TEST_CASE("newsdb --version prints the version", "[cli][usage]") {
  auto ran = run_cli({"--version"});
  CHECK(ran.status == 0);
  CHECK(ran.out == std::string("newsdb ") + newsdb::kVersion + "\n");
}
