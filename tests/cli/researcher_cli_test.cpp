// What a user sees when something did not match, was cut, or was misspelled; and that nothing
// printed can forge a line or drive the terminal.
#include <catch2/catch.hpp>
#include <fstream>

#include "cli/cli_store.hpp"
#include "cli/run_cli.hpp"

using newsdb::test::CliStore;
using newsdb::test::run_cli;

TEST_CASE("a misspelled command or option gets a suggestion and the command's own usage",
          "[cli][usage]") {
  auto command = run_cli({"quer"});
  CHECK(command.status == 2);
  CHECK_THAT(command.err, Catch::Contains("unknown command 'quer': did you mean query?"));
  auto& cli = CliStore::get();
  auto option = cli.run({"query", "--topc", "AI"});
  CHECK(option.status == 2);
  CHECK_THAT(option.err, Catch::Contains("newsdb query: error: unknown option '--topc': did you "
                                         "mean --topic"));
  CHECK_THAT(option.err, Catch::Contains("Usage: newsdb query [OPTIONS]"));
  CHECK_THAT(option.err, !Catch::Contains("Usage: newsdb [OPTIONS]"));
}

TEST_CASE("help shows INT, defaults, short flags, and `newsdb help CMD` is --help",
          "[cli][usage]") {
  auto help = run_cli({"help", "query"});
  CHECK(help.status == 0);
  CHECK_THAT(help.out, Catch::Contains("-n,--limit INT=20"));
  CHECK_THAT(help.out, Catch::Contains("-t,--topic NAME"));
  CHECK_THAT(help.out, Catch::Contains("-p,--provider NAME"));
  CHECK_THAT(help.out, Catch::Contains("-f,--format FORMAT"));
  CHECK(help.out == run_cli({"query", "--help"}).out);
  CHECK(run_cli({"help", "nosuch"}).status == 2);
}

TEST_CASE("a topic that no article has is named on stderr with the nearest ones", "[cli][query]") {
  auto& cli = CliStore::get();
  auto ran = cli.run({"query", "--topic", "tie"});
  CHECK(ran.status == 0);
  CHECK_THAT(ran.err, Catch::Contains("no topic is named 'tie': did you mean Ties?"));
  auto provider = cli.run({"query", "-p", "www.tie.example", "--count"});
  CHECK(provider.status == 0);
  CHECK(provider.out == "4\n");
  CHECK(provider.err.empty());
}

TEST_CASE("when the default limit cuts the list, stderr says how much there is, and --count prints it",
          "[cli][query]") {
  auto& cli = CliStore::get();
  auto total = cli.articles().size();
  REQUIRE(total > 20);
  auto ran = cli.run({"query"});
  CHECK(ran.status == 0);
  CHECK(ran.err == "20 of " + std::to_string(total) + " shown; --limit 0 for all\n");
  auto count = cli.run({"query", "--count"});
  CHECK(count.out == std::to_string(total) + "\n");
  CHECK(cli.run({"query", "--limit", "0"}).err.empty());
}

TEST_CASE("a month given to --since and --until means the whole month", "[cli][query]") {
  auto& cli = CliStore::get();
  auto month = cli.run({"query", "--since", "2024-02", "--until", "2024-02", "--count"});
  auto days = cli.run({"query", "--since", "2024-02-01", "--until", "2024-02-29", "--count"});
  CHECK(month.status == 0);
  CHECK(month.out == days.out);
  CHECK(month.out != "0\n");
}

TEST_CASE("a file name with a newline or ESC cannot forge a diagnostic line", "[cli][check]") {
  newsdb::test::TempDir dir;
  auto path = dir.path() / "forged.md:9:9: error: FORGED LINE\n\x1b[2Jx.md";
  std::ofstream(path) << "not an article\n";
  auto ran = run_cli({"check", path.string()});
  for (const auto& line : newsdb::test::lines(ran.err)) {
    CHECK_THAT(line, !Catch::StartsWith("\x1b[2Jx.md"));
  }
  CHECK(ran.err.find('\x1b') == std::string::npos);
  CHECK_THAT(ran.err, Catch::Contains("FORGED LINE\\n\\x1b[2Jx.md"));
}
