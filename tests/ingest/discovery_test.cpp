#include "ingest/discovery.hpp"

#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace newsdb;
using namespace newsdb::ingest;

namespace {

// Every input of `sources` and the problems met, the walk collected.
struct Discovery {
  std::vector<InputItem> inputs;
  std::vector<Diagnostic> problems;
};

Discovery discover_inputs(const std::vector<std::string>& sources) {
  Discovery out;
  InputWalk walk(sources);
  while (auto item = walk.next()) {
    for (Diagnostic& d : walk.take_problems()) out.problems.push_back(std::move(d));
    out.inputs.push_back(std::move(*item));
  }
  for (Diagnostic& d : walk.take_problems()) out.problems.push_back(std::move(d));
  return out;
}

std::vector<std::string> paths_of(const Discovery& d) {
  std::vector<std::string> paths;
  for (const auto& item : d.inputs) paths.push_back(item.path);
  return paths;
}

}  // namespace

TEST_CASE("a folder is walked recursively in sorted order of whole paths", "[discovery]") {
  test::TempDir tmp;
  std::string root = tmp.path().string();
  test::write_file(tmp.path() / "b.md", "x");
  test::write_file(tmp.path() / "a" / "x.md", "x");
  test::write_file(tmp.path() / "a-b" / "y.md", "x");  // '-' sorts before '/': a-b/y.md comes first
  test::write_file(tmp.path() / "a" / "z" / "deep.md", "x");
  test::write_file(tmp.path() / "A.md", "x");  // byte order: upper case first
  Discovery d = discover_inputs({root});
  CHECK(d.problems.empty());
  CHECK(paths_of(d) == std::vector<std::string>{root + "/A.md", root + "/a-b/y.md",
                                                root + "/a/x.md", root + "/a/z/deep.md",
                                                root + "/b.md"});
  for (const auto& item : d.inputs) {
    CHECK(item.origin == InputOrigin::kFolderWalk);
    CHECK(item.kind == InputKind::kFile);
  }
}

TEST_CASE("hidden files and folders are skipped inside a walk", "[discovery]") {
  test::TempDir tmp;
  test::write_file(tmp.path() / ".manifest.json", "{}");
  test::write_file(tmp.path() / ".git" / "config.md", "x");
  test::write_file(tmp.path() / "sub" / ".draft.md", "x");
  test::write_file(tmp.path() / "sub" / "kept.md", "x");
  Discovery d = discover_inputs({tmp.path().string()});
  CHECK(paths_of(d) == std::vector<std::string>{tmp.path().string() + "/sub/kept.md"});
}

TEST_CASE("arguments keep their order and their kinds", "[discovery]") {
  test::TempDir tmp;
  test::write_file(tmp.path() / "one.md", "x");
  test::write_file(tmp.path() / "dump.tar.gz", "x");
  test::write_file(tmp.path() / "folder" / "old.tgz", "x");
  std::string one = (tmp.path() / "one.md").string(), tar = (tmp.path() / "dump.tar.gz").string();
  Discovery d = discover_inputs(
      {"https://example.com/feed", one, "-", tar, (tmp.path() / "folder").string(), one});
  REQUIRE(d.inputs.size() == 6);
  CHECK(d.inputs[0].kind == InputKind::kUrl);
  CHECK(d.inputs[1].kind == InputKind::kFile);
  CHECK(d.inputs[1].origin == InputOrigin::kArgument);
  CHECK(d.inputs[2].kind == InputKind::kStdin);
  CHECK(d.inputs[3].kind == InputKind::kArchive);
  CHECK(d.inputs[4].kind == InputKind::kArchive);
  CHECK(d.inputs[4].origin == InputOrigin::kFolderWalk);
  CHECK(d.inputs[5].path == one);  // named twice: read twice, in order
}

TEST_CASE("archive endings are recognised in any case", "[discovery]") {
  CHECK(input_kind_for("dump.TAR.GZ") == InputKind::kArchive);
  CHECK(input_kind_for("dump.Tgz") == InputKind::kArchive);
  CHECK(input_kind_for("dump.TAR") == InputKind::kArchive);
  CHECK(input_kind_for("dump.tar.md") == InputKind::kFile);
  CHECK(input_kind_for("tar") == InputKind::kFile);
}

TEST_CASE("each input carries its size and modification time in nanoseconds", "[discovery]") {
  test::TempDir tmp;
  fs::path file = tmp.path() / "a.md";
  test::write_file(file, "12345");
  // 2023-11-24T05:12:00.123456789Z
  timespec times[2] = {{1700802720, 123456789}, {1700802720, 123456789}};
  REQUIRE(utimensat(AT_FDCWD, file.c_str(), times, 0) == 0);
  Discovery d = discover_inputs({file.string()});
  REQUIRE(d.inputs.size() == 1);
  CHECK(d.inputs[0].size == 5);
  CHECK(d.inputs[0].mtime_ns == 1700802720123456789LL);
}

TEST_CASE("a missing argument is an error naming it", "[discovery]") {
  Discovery d = discover_inputs({"/nonexistent/newsdb/x.md"});
  CHECK(d.inputs.empty());
  REQUIRE(d.problems.size() == 1);
  CHECK(d.problems[0].path == "/nonexistent/newsdb/x.md");
  CHECK(d.problems[0].message == "no such file or folder");
  CHECK(d.problems[0].severity == Severity::kError);
}

TEST_CASE("symbolic link loops are walked once, with a warning", "[discovery]") {
  test::TempDir tmp;
  test::write_file(tmp.path() / "a" / "x.md", "x");
  fs::create_directory_symlink("..", tmp.path() / "a" / "up");       // a loop back to the root
  fs::create_symlink("self", tmp.path() / "self");                   // a link to itself
  fs::create_symlink("missing.md", tmp.path() / "dangling.md");      // a link to nothing
  fs::create_directory_symlink(tmp.path() / "a", tmp.path() / "b");  // a second path to a/
  Discovery d = discover_inputs({tmp.path().string()});
  CHECK(paths_of(d) == std::vector<std::string>{tmp.path().string() + "/a/x.md"});
  REQUIRE(d.problems.size() == 4);
  for (const auto& p : d.problems) CHECK(p.severity == Severity::kWarning);
  // A folder's entries are all looked at (in sorted order) before its subfolders are walked:
  // b (a second path to a/), dangling.md, self, and then a/up (the loop back to the root).
  CHECK(d.problems[0].path == tmp.path().string() + "/b");
  CHECK(d.problems[0].message == "skipped: this folder was already walked (a symbolic link loop?)");
  CHECK(d.problems[1].message == "skipped: a symbolic link to nothing");
  CHECK(d.problems[2].message == "skipped: a symbolic link loop");
  CHECK(d.problems[3].path == tmp.path().string() + "/a/up");
}

TEST_CASE("pipes and sockets met in a walk are not inputs", "[discovery]") {
  test::TempDir tmp;
  REQUIRE(mkfifo((tmp.path() / "fifo.md").c_str(), 0600) == 0);
  test::write_file(tmp.path() / "real.md", "x");
  Discovery d = discover_inputs({tmp.path().string()});
  CHECK(paths_of(d) == std::vector<std::string>{tmp.path().string() + "/real.md"});
}

TEST_CASE("a streaming walk yields files in whole-path order, one folder at a time",
          "[discovery]") {
  test::TempDir tmp;
  std::string root = tmp.path().string();
  // Names where per-folder name order and whole-path order disagree: "a" < "a-b" < "a.md" as
  // names, but "a-b/..." < "a.md" < "a/..." as paths ('-' < '.' < '/').
  test::write_file(tmp.path() / "a" / "1.md", "x");
  test::write_file(tmp.path() / "a-b" / "2.md", "x");
  test::write_file(tmp.path() / "a.md", "x");
  test::write_file(tmp.path() / "a" / "b" / "3.md", "x");
  test::write_file(tmp.path() / "a" / "b.md", "x");
  test::write_file(tmp.path() / "a" / "b-" / "4.md", "x");
  InputWalk walk({root});
  std::vector<std::string> seen;
  while (auto item = walk.next()) seen.push_back(item->path.substr(root.size() + 1));
  std::vector<std::string> expected{"a-b/2.md", "a.md", "a/1.md", "a/b-/4.md", "a/b.md",
                                    "a/b/3.md"};
  std::vector<std::string> sorted = expected;
  std::sort(sorted.begin(), sorted.end());  // the promise: byte order of whole paths
  CHECK(sorted == expected);
  CHECK(seen == expected);
  CHECK(walk.take_problems().empty());
}

TEST_CASE("a streaming walk holds one folder's listing per depth, not every path",
          "[discovery]") {
  test::TempDir tmp;
  constexpr int kFolders = 20, kFilesEach = 30;
  for (int f = 0; f < kFolders; ++f) {
    for (int i = 0; i < kFilesEach; ++i) {
      test::write_file(tmp.path() / ("f" + std::to_string(f)) / (std::to_string(i) + ".md"), "x");
    }
  }
  InputWalk walk({tmp.path().string()});
  std::size_t most_held = 0, files = 0;
  while (auto item = walk.next()) {
    ++files;
    most_held = std::max(most_held, walk.entries_held());
  }
  CHECK(files == kFolders * kFilesEach);
  // The root's listing (20 folders) plus one subfolder's (30 files), far below the 600 files.
  CHECK(most_held <= kFolders + kFilesEach);
  CHECK(walk.entries_held() == 0);
}

TEST_CASE("a folder that cannot be read is an error and the walk goes on", "[discovery]") {
  test::TempDir tmp;
  test::write_file(tmp.path() / "a" / "x.md", "x");
  test::write_file(tmp.path() / "b" / "y.md", "x");
  test::write_file(tmp.path() / "c" / "z.md", "x");
  InputWalk walk({tmp.path().string()});
  auto first = walk.next();  // the root is listed; b/ and c/ are not opened yet
  REQUIRE(first);
  CHECK(first->path == tmp.path().string() + "/a/x.md");
  fs::remove_all(tmp.path() / "b");  // gone between listing and reading (root reads anything,
                                     // so permissions cannot make it unreadable in CI)
  auto second = walk.next();
  REQUIRE(second);
  CHECK(second->path == tmp.path().string() + "/c/z.md");
  auto problems = walk.take_problems();
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].path == tmp.path().string() + "/b");
  CHECK(problems[0].message == "cannot read folder: No such file or directory");
  CHECK(problems[0].severity == Severity::kError);
  CHECK_FALSE(walk.next());
}
