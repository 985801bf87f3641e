// --format on every read command: DESIGN.md's names, parsed in one place (parse_format), so each
// command takes the names that fit it the same way — `table` and `text` alike for its readable
// layout — and refuses the others with a message naming what it takes (exit 2).
#include <catch2/catch.hpp>
#include <fstream>
#include <string>
#include <vector>

#include "cli/cli_store.hpp"

using newsdb::test::CliStore;

namespace {

struct FormatCase {
  std::vector<std::string> command;  // the command and its arguments, before --format
  std::vector<std::string> accepted;
  std::vector<std::string> refused;
  std::string listed;  // the names the refusal lists, in order
};

std::vector<FormatCase> cases() {
  const std::string article = "https://roundup.example/2024/03/06";
  const std::vector<std::string> list_names = {"table", "text", "json", "ndjson",
                                               "csv",   "tsv",  "urls", "frontmatter"};
  return {
      {{"query"}, list_names, {"xml", "TABLE"}, "table, json, ndjson, csv, tsv, frontmatter, urls"},
      {{"search", "physics"}, list_names, {"xml"}, "table, json, ndjson, csv, tsv, frontmatter, urls"},
      {{"topics"}, {"table", "text", "json", "ndjson", "csv", "tsv"}, {"urls", "frontmatter"},
       "table, json, ndjson, csv, tsv"},
      {{"providers"}, {"table", "text", "json", "ndjson", "csv", "tsv"}, {"urls"},
       "table, json, ndjson, csv, tsv"},
      {{"categories"}, {"table", "text", "json", "ndjson", "csv", "tsv"}, {"urls"},
       "table, json, ndjson, csv, tsv"},
      {{"show", article}, {"table", "text", "json", "ndjson", "frontmatter"}, {"csv", "urls"},
       "text, json, ndjson, frontmatter"},
      {{"related", article}, {"table", "text", "json", "ndjson", "tsv"}, {"csv", "frontmatter"},
       "table, json, ndjson, tsv"},
      {{"stats"}, {"table", "text", "json"}, {"csv", "ndjson"}, "text, json"},
      {{"export"}, {"json", "ndjson", "csv", "tsv", "urls"}, {"table", "text"},
       "ndjson, json, csv, tsv, urls, frontmatter"},
      {{"errors"}, {"table", "text", "json", "ndjson"}, {"csv", "tsv"}, "table, json, ndjson"},
      {{"sources", "list"}, {"table", "text", "json", "ndjson"}, {"csv", "urls"},
       "table, json, ndjson"},
      {{"sql", "SELECT 1 AS one"}, {"table", "text", "tsv", "csv", "json", "ndjson"}, {"urls"},
       "table, tsv, csv, json, ndjson"},
  };
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace

TEST_CASE("every read command takes DESIGN's format names that fit it and refuses the rest",
          "[cli][format]") {
  auto& cli = CliStore::get();
  for (const FormatCase& c : cases()) {
    for (const std::string& name : c.accepted) {
      auto args = c.command;
      args.insert(args.end(), {"--format", name});
      // All of them, so that stderr has no "20 of N shown" note.
      if (c.command.front() == "query" || c.command.front() == "search") {
        args.insert(args.end(), {"--limit", "0"});
      }
      auto ran = cli.run(args);
      INFO(joined(args) << "\n" << ran.err);
      CHECK(ran.status == 0);
      CHECK(ran.err.empty());
    }
    for (const std::string& name : c.refused) {
      auto args = c.command;
      args.insert(args.end(), {"--format", name});
      auto ran = cli.run(args);
      INFO(joined(args));
      CHECK(ran.status == 2);
      CHECK(ran.out.empty());
      CHECK(ran.err == "newsdb: error: unknown format '" + name +
                           "': use --format with one of " + c.listed + "\n");
    }
  }
}

TEST_CASE("table and text print the same readable layout", "[cli][format]") {
  auto& cli = CliStore::get();
  for (auto command : std::vector<std::vector<std::string>>{
           {"query"}, {"topics"}, {"stats"}, {"errors"}, {"sources", "list"},
           {"show", "https://roundup.example/2024/03/06"}}) {
    auto table = command, text = command;
    table.insert(table.end(), {"--format", "table"});
    text.insert(text.end(), {"--format", "text"});
    INFO(joined(command));
    auto a = cli.run(table), b = cli.run(text);
    CHECK(a.status == 0);
    CHECK(a.out == b.out);
    CHECK_FALSE(a.out.empty());
  }
}

TEST_CASE("errors and sources list give json and ndjson alike", "[cli][format]") {
  newsdb::test::TempDir tmp;
  std::string db = (tmp.path() / "db.sqlite").string();
  std::string bad = (tmp.path() / "bad.md").string();
  std::ofstream(bad) << "---\ntitle: B\nwebUrl: https://x.org/b\nheat: hot\n---\n";
  REQUIRE(newsdb::test::run_cli({"--db", db, "import", bad}).status == 1);
  REQUIRE(newsdb::test::run_cli({"--db", db, "sources", "add", "https://x.org/feed.xml"}).status == 0);
  REQUIRE(newsdb::test::run_cli({"--db", db, "sources", "add", "https://y.org/feed.xml"}).status == 0);
  for (auto command : std::vector<std::vector<std::string>>{{"errors"}, {"sources", "list"}}) {
    auto json = command, ndjson = command;
    json.insert(json.begin(), {"--db", db});
    json.insert(json.end(), {"--format", "json"});
    ndjson.insert(ndjson.begin(), {"--db", db});
    ndjson.insert(ndjson.end(), {"--format", "ndjson"});
    auto as_array = newsdb::Json::parse(newsdb::test::run_cli(json).out);
    INFO(joined(command));
    REQUIRE(as_array.is_array());
    CHECK(as_array.size() == (command[0] == "errors" ? 1u : 2u));
    std::string expected;
    for (const auto& element : as_array) expected += element.dump() + "\n";
    CHECK(newsdb::test::run_cli(ndjson).out == expected);
  }
}
