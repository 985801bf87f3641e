// check_stream.hpp: check parses in input order while holding one group of inputs, never the
// whole corpus, and reports the walk's problems where the walk met them.
#include "cli/commands/check_stream.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using newsdb::Diagnostic;
using newsdb::ParsedInput;
using newsdb::cli::check_inputs;
using newsdb::cli::CheckStreamOptions;
using newsdb::ingest::InputItem;
using newsdb::test::write_file;

namespace {

std::string article(const std::string& url) { return "---\ntitle: T\nwebUrl: " + url + "\n---\n"; }

// What check_inputs delivered, one line each: "parsed PATH" or "problem PATH".
struct Events {
  std::vector<std::string> lines;
  auto problem() {
    return [this](const Diagnostic& d) { lines.push_back("problem " + d.path); };
  }
  auto parsed() {
    return [this](const InputItem& item, ParsedInput&&) { lines.push_back("parsed " + item.path); };
  }
};

}  // namespace

TEST_CASE("check holds one group of inputs at a time, however many the corpus has", "[check]") {
  newsdb::test::TempDir tmp;
  std::vector<std::string> expected;  // the walk's order: whole paths in byte order
  for (const char* folder : {"a", "b", "c"}) {
    for (int i = 10; i < 24; ++i) {
      std::string name = std::string(folder) + "/" + std::to_string(i) + ".md";
      write_file(tmp.path() / name, article("https://x.org/" + name));
      expected.push_back("parsed " + (tmp.path() / name).string());
    }
  }
  for (int jobs : {1, 2}) {
    CheckStreamOptions options;
    options.pool.jobs = jobs;
    options.group = 5;
    Events events;
    auto stats = check_inputs({tmp.path().string()}, options, events.problem(), events.parsed());
    INFO("jobs " << jobs);
    CHECK(events.lines == expected);
    CHECK(stats.inputs == 42);
    CHECK(stats.most_inputs_held == 5);  // 42 inputs went through, never more than 5 held
  }
}

TEST_CASE("a problem of the walk comes after the inputs before it", "[check]") {
  newsdb::test::TempDir tmp;
  write_file(tmp.path() / "a" / "x.md", article("https://x.org/x"));
  fs::create_directories(tmp.path() / "b");
  fs::create_directory_symlink("..", tmp.path() / "b" / "loop");
  write_file(tmp.path() / "c" / "y.md", article("https://x.org/y"));
  std::string root = tmp.path().string();
  std::string missing = (tmp.path() / "missing.md").string();
  Events events;
  check_inputs({root, missing, root + "/a/x.md"}, CheckStreamOptions{}, events.problem(),
               events.parsed());
  CHECK(events.lines == std::vector<std::string>{
                            "parsed " + root + "/a/x.md",
                            "problem " + root + "/b/loop",
                            "parsed " + root + "/c/y.md",
                            "problem " + missing,
                            "parsed " + root + "/a/x.md",
                        });
}
