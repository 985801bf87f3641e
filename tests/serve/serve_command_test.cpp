// `newsdb serve` as a user starts and stops it.
#include <catch2/catch.hpp>
#include <regex>

#include "cli/cli_store.hpp"
#include "serve/served_store.hpp"

using namespace newsdb::test;

TEST_CASE("serve prints where it listens first, on a free port with --port 0, and stops on SIGTERM", "[serve]") {
  auto& cli = CliStore::get();
  ServedStore served(cli.db());
  CHECK(std::regex_match(served.first_line(), std::regex(R"(listening on http://127\.0\.0\.1:[0-9]{2,5}/)")));
  CHECK(served.port() > 0);
  auto http = served.client();
  auto res = http.Get("/api/stats");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(served.stop(SIGTERM) == 0);
  CHECK(served.stderr_text().empty());
}

TEST_CASE("serve stops cleanly on SIGINT", "[serve]") {
  auto& cli = CliStore::get();
  ServedStore served(cli.db());
  CHECK(served.stop(SIGINT) == 0);
}

TEST_CASE("serve on another address than loopback warns", "[serve]") {
  auto& cli = CliStore::get();
  ServedStore served(cli.db(), {"--host", "0.0.0.0"});
  CHECK(served.first_line().starts_with("listening on http://0.0.0.0:"));
  served.stop();
  CHECK(served.stderr_text().find("newsdb: warning: serving on 0.0.0.0: other machines can read this store") !=
        std::string::npos);
}

TEST_CASE("serve refuses a port out of range and a missing database", "[serve]") {
  auto& cli = CliStore::get();
  auto bad = cli.run({"serve", "--port", "70000"});
  CHECK(bad.status == 2);
  CHECK(bad.err.find("--port 70000 is not a port") != std::string::npos);
  TempDir dir;
  auto missing = run_cli({"--db", (dir.path() / "none.sqlite").string(), "serve", "--port", "0"});
  CHECK(missing.status != 0);
  CHECK(missing.out.empty());
  CHECK(missing.err.starts_with("newsdb: error: "));
}

TEST_CASE("serve on a port in use says so", "[serve]") {
  auto& cli = CliStore::get();
  ServedStore first(cli.db());
  auto second = cli.run({"serve", "--port", std::to_string(first.port())});
  CHECK(second.status == 1);
  CHECK(second.err.find("cannot listen on 127.0.0.1:" + std::to_string(first.port())) != std::string::npos);
}
