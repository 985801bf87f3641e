// `newsdb check` as a user runs it: output streams, order, summary, exit status.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <newsdb/article_json.hpp>
#include <sstream>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using newsdb::test::run_newsdb;
using newsdb::test::TempDir;
using newsdb::test::write_file;

namespace {

std::string article(const std::string& title, const std::string& url) {
  return "---\ntitle: \"" + title + "\"\nwebUrl: " + url + "\n---\n";
}

// The summary up to " in N.NN s": the timing varies from run to run.
std::string summary_counts(const std::string& out) {
  return out.substr(0, out.find(" in "));
}

}  // namespace

TEST_CASE("check on good files prints only the summary and exits 0", "[check]") {
  TempDir tmp;
  write_file(tmp.path() / "a.md", article("A", "https://x.org/a"));
  write_file(tmp.path() / "sub" / "b.md", article("B", "https://x.org/b"));
  auto r = run_newsdb({"check", tmp.path().string()});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(summary_counts(r.out) == "checked 2 files: 2 ok, 0 skipped, 0 failed; 2 articles");
  CHECK_THAT(r.out, Catch::Matches(".* in [0-9]+\\.[0-9]{2} s \\([0-9]+ docs/s\\)\n"));
}

TEST_CASE("check reports each broken file of tests/data with its pinned diagnostic", "[check]") {
  std::ifstream expected_file(fs::path(NEWSDB_TEST_DATA) / "broken" / "expected-diagnostics.txt");
  std::string expected, line;
  while (std::getline(expected_file, line)) {
    expected += std::string(NEWSDB_TEST_DATA) + "/broken/" + line + "\n";
  }
  for (const char* jobs : {"1", "2"}) {
    auto r = run_newsdb({"check", "--jobs", jobs, std::string(NEWSDB_TEST_DATA) + "/broken"});
    INFO("jobs " << jobs);
    CHECK(r.exit_code == 1);
    CHECK(r.err == expected);  // in input order, whatever the number of threads
    // 39 broken files failed, the two .txt files skipped, the good record of records.json and
    // of records.ndjson counted as articles.
    CHECK(summary_counts(r.out) == "checked 41 files: 0 ok, 2 skipped, 39 failed; 2 articles");
  }
}

TEST_CASE("record files are recognised whatever the case of their ending", "[check]") {
  TempDir tmp;
  const std::string record = "{\"title\":\"A\",\"webUrl\":\"https://x.org/";
  write_file(tmp.path() / "A.NDJSON", record + "1\"}\n" + record + "2\"}\n");
  write_file(tmp.path() / "B.Jsonl", record + "3\"}\n");
  write_file(tmp.path() / "C.Json", "[" + record + "4\"}]");
  write_file(tmp.path() / "d.MD", article("D", "https://x.org/d"));
  auto r = run_newsdb({"check", tmp.path().string()});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(summary_counts(r.out) == "checked 4 files: 4 ok, 0 skipped, 0 failed; 5 articles");
}

TEST_CASE("a file without frontmatter is skipped in a walk but fails when named", "[check]") {
  TempDir tmp;
  write_file(tmp.path() / "notes.txt", "just notes\n");
  write_file(tmp.path() / "a.md", article("A", "https://x.org/a"));
  auto walked = run_newsdb({"check", tmp.path().string()});
  CHECK(walked.exit_code == 0);
  CHECK(summary_counts(walked.out) == "checked 2 files: 1 ok, 1 skipped, 0 failed; 1 article");

  std::string named = (tmp.path() / "notes.txt").string();
  auto r = run_newsdb({"check", named});
  CHECK(r.exit_code == 1);
  CHECK(r.err == named +
                     ":1:1: error: not an article: the first line must be `---` to open the "
                     "frontmatter\n");
}

TEST_CASE("check reads NDJSON from stdin with -", "[check]") {
  auto r = run_newsdb({"check", "-"},
                      "{\"title\":\"A\",\"webUrl\":\"https://x.org/a\"}\n"
                      "{\"title\":\"B\"}\n");
  CHECK(r.exit_code == 1);
  CHECK(r.err == "-:2:1: error: missing URL: `originalUrl` or `webUrl` is required\n");
  CHECK(summary_counts(r.out) == "checked 1 file: 0 ok, 0 skipped, 1 failed; 1 article");
}

TEST_CASE("a missing source is reported and fails the run", "[check]") {
  auto r = run_newsdb({"check", "/nonexistent/newsdb/folder"});
  CHECK(r.exit_code == 1);
  CHECK(r.err == "/nonexistent/newsdb/folder: error: no such file or folder\n");
}

TEST_CASE("check --report json gives the counts and errors on stdout", "[check]") {
  TempDir tmp;
  write_file(tmp.path() / "a.md", article("A", "https://x.org/a"));
  write_file(tmp.path() / "b.md", "---\ntitle: B\nwebUrl: https://x.org/b\nheat: hot\n---\n");
  auto r = run_newsdb({"check", "--report", "json", tmp.path().string()});
  CHECK(r.exit_code == 1);
  auto report = newsdb::Json::parse(r.out);
  CHECK(report["ok"] == 1);
  CHECK(report["failed"] == 1);
  CHECK(report["skipped"] == 0);
  REQUIRE(report["errors"].size() == 1);
  CHECK(report["errors"][0]["path"] == (tmp.path() / "b.md").string());
  CHECK(report["errors"][0]["line"] == 4);
  CHECK(report["errors"][0]["column"] == 7);
  CHECK(report["errors"][0]["field"] == "heat");
}

TEST_CASE("check usage errors exit 2", "[check]") {
  CHECK(run_newsdb({"check"}).exit_code == 2);
  CHECK(run_newsdb({"check", "--jobs", "0", "x"}).exit_code == 2);
  CHECK(run_newsdb({"check", "--report", "xml", "x"}).exit_code == 2);
}

TEST_CASE("check survives a symbolic link loop with a warning", "[check]") {
  TempDir tmp;
  write_file(tmp.path() / "a" / "x.md", article("X", "https://x.org/x"));
  fs::create_directory_symlink("..", tmp.path() / "a" / "loop");
  auto r = run_newsdb({"check", tmp.path().string()});
  CHECK(r.exit_code == 0);
  CHECK(r.err == tmp.path().string() +
                     "/a/loop: warning: skipped: this folder was already walked (a symbolic link "
                     "loop?)\n");
  CHECK(summary_counts(r.out) == "checked 1 file: 1 ok, 0 skipped, 0 failed; 1 article");
}

TEST_CASE("check says what to do with an archive it cannot read", "[check]") {
  TempDir tmp;
  write_file(tmp.path() / "dump.tar.gz", "not really an archive");
  auto r = run_newsdb({"check", (tmp.path() / "dump.tar.gz").string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err == (tmp.path() / "dump.tar.gz").string() +
                     ": error: check does not read archives or URLs yet: unpack the archive and "
                     "check the folder, or use `newsdb import --dry-run`\n");
}

TEST_CASE("check reports a missing source in its place among the files' errors", "[check]") {
  TempDir tmp;
  std::string bad = (tmp.path() / "bad.md").string();
  write_file(bad, "---\ntitle: B\nwebUrl: https://x.org/b\nheat: hot\n---\n");
  auto r = run_newsdb({"check", bad, "/nonexistent/newsdb/folder", bad});
  CHECK(r.exit_code == 1);
  std::string bad_heat = bad + ":4:7: error: `heat` must be an integer, got \"hot\"\n";
  CHECK(r.err == bad_heat + "/nonexistent/newsdb/folder: error: no such file or folder\n" + bad_heat);
  CHECK(summary_counts(r.out) == "checked 3 files: 0 ok, 0 skipped, 3 failed; 0 articles");
}
