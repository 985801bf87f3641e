// What the import log remembers of inputs: one record per input whatever path named it, failures
// recorded where they are counted and printed in input order, and failures of inputs that are gone
// forgotten.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstring>

#include "ingest/import_fixtures.hpp"
#include "support/backends.hpp"

namespace fs = std::filesystem;
using namespace newsdb;
using test::article_md;
using test::counts;
using test::import_into;
using test::stored_rows;
using test::write_file;

using Counts = std::vector<std::int64_t>;  // new, updated, unchanged, skipped, failed
using Rows = std::vector<std::string>;

namespace {

// Runs in `folder` until it goes out of scope.
class WorkingFolder {
 public:
  explicit WorkingFolder(const fs::path& folder) : before_(fs::current_path()) {
    fs::current_path(folder);
  }
  ~WorkingFolder() { fs::current_path(before_); }

 private:
  fs::path before_;
};

// Paths of the inputs `newsdb errors` lists.
std::vector<std::string> failed_paths(test::FreshStore& fresh) {
  auto failed = fresh.store().import_log().failed_inputs();
  if (!failed) FAIL(failed.error().message);
  std::vector<std::string> out;
  for (const auto& input : *failed) out.push_back(input.path);
  return out;
}

// A chain of folders under `root` whose whole path is longer than PATH_MAX, made one step at a
// time relative to the last (so the kernel never sees the whole path), with an article at its end.
// Returns the first folder of the chain.
fs::path make_too_long_path(const fs::path& root) {
  const std::string step(200, 'd');
  int fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY);
  REQUIRE(fd >= 0);
  for (int depth = 0; depth < 24; ++depth) {
    REQUIRE(::mkdirat(fd, step.c_str(), 0755) == 0);
    int next = ::openat(fd, step.c_str(), O_RDONLY | O_DIRECTORY);
    ::close(fd);
    REQUIRE(next >= 0);
    fd = next;
  }
  int file = ::openat(fd, "deep.md", O_WRONLY | O_CREAT, 0644);
  REQUIRE(file >= 0);
  std::string text = article_md("https://e.com/deep", "Deep");
  REQUIRE(::write(file, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
  ::close(file);
  ::close(fd);
  return root / step;
}

// Removes what make_too_long_path made (std::filesystem cannot: it names whole paths).
void remove_tree_at(int parent, const char* name) {
  int fd = ::openat(parent, name, O_RDONLY | O_DIRECTORY);
  if (fd < 0) {
    ::unlinkat(parent, name, 0);
    return;
  }
  for (const char* child : {"deep.md"}) ::unlinkat(fd, child, 0);
  const std::string step(200, 'd');
  remove_tree_at(fd, step.c_str());
  ::close(fd);
  ::unlinkat(parent, name, AT_REMOVEDIR);
}

void remove_too_long_path(const fs::path& first) {
  int parent = ::open(first.parent_path().c_str(), O_RDONLY | O_DIRECTORY);
  REQUIRE(parent >= 0);
  remove_tree_at(parent, first.filename().c_str());
  ::close(parent);
}

}  // namespace

TEST_CASE("an input is remembered by its canonical path, however it was named",
          "[ingest][import][log]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::TempDir dir;
      auto corpus = dir.path() / "corpus";
      write_file(corpus / "a.md", article_md("https://e.com/a", "Alpha"));
      test::set_mtime(corpus / "a.md", 1'650'000'000);
      fs::create_directory_symlink(corpus, dir.path() / "link");
      test::FreshStore fresh(backend);
      const std::string& db = fresh.spec();
      CHECK(counts(import_into(db, {corpus.string()})) == Counts{1, 0, 0, 0, 0});

      // Same size and mtime, other bytes: only a read could notice. None happens when the
      // record is found under each of these names.
      write_file(corpus / "a.md", article_md("https://e.com/a", "Omega"));
      test::set_mtime(corpus / "a.md", 1'650'000'000);
      WorkingFolder here(dir.path());
      // link/a.md: a file named through a symbolic link to its folder.
      for (std::string named :
           {"corpus", "./corpus/", "corpus/../corpus", "corpus/a.md", "link/a.md"}) {
        INFO(named);
        CHECK(counts(import_into(db, {named})) == Counts{0, 0, 1, 0, 0});
      }
      CHECK(stored_rows(db, "SELECT title FROM articles") == Rows{"Alpha"});
      CHECK(stored_rows(db, "SELECT path FROM import_files") ==
            Rows{fs::canonical(corpus / "a.md").string()});
    }
  }
}

TEST_CASE("records of a store that kept paths as typed are found, then kept by canonical path",
          "[ingest][import][log]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::TempDir dir;
      auto corpus = dir.path() / "corpus";
      write_file(corpus / "a.md", article_md("https://e.com/a", "Alpha"));
      write_file(corpus / "b.md", article_md("https://e.com/b", "Beta", "quality: high\n"));
      test::set_mtime(corpus / "a.md", 1'650'000'000);
      test::FreshStore fresh(backend);
      const std::string& db = fresh.spec();
      WorkingFolder here(dir.path());
      CHECK(counts(import_into(db, {"corpus"})) == Counts{1, 0, 0, 0, 1});
      // What an earlier newsdb wrote: the paths as the user typed them.
      const std::string root = fs::canonical(corpus).string();
      test::exec_sql(db, "UPDATE import_files SET path = replace(path, '" + root + "', 'corpus')");
      test::exec_sql(db, "UPDATE import_errors SET path = replace(path, '" + root + "', 'corpus')");
      REQUIRE(failed_paths(fresh) == std::vector<std::string>{"corpus/b.md"});

      write_file(corpus / "a.md", article_md("https://e.com/a", "Omega"));  // same size
      test::set_mtime(corpus / "a.md", 1'650'000'000);
      CHECK(counts(import_into(db, {"corpus"})) == Counts{0, 0, 1, 0, 1});
      CHECK(stored_rows(db, "SELECT title FROM articles") == Rows{"Alpha"});  // not read
      CHECK(stored_rows(db, "SELECT path FROM import_files ORDER BY path") ==
            Rows{root + "/a.md", root + "/b.md"});
      CHECK(failed_paths(fresh) == std::vector<std::string>{root + "/b.md"});
    }
  }
}

TEST_CASE("a failed input that was deleted is forgotten by the next complete walk of its folder",
          "[ingest][import][log]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::TempDir dir;
      auto corpus = dir.path() / "corpus";
      write_file(corpus / "good.md", article_md("https://e.com/good", "Good"));
      write_file(corpus / "sub" / "bad.md", article_md("https://e.com/bad", "Bad", "quality: x\n"));
      write_file(dir.path() / "corpus-2" / "bad.md",
                 article_md("https://e.com/bad2", "Bad 2", "quality: x\n"));
      test::FreshStore fresh(backend);
      const std::string& db = fresh.spec();
      CHECK(counts(import_into(db, {corpus.string(), (dir.path() / "corpus-2").string()})) ==
            Counts{1, 0, 0, 0, 2});
      const std::string bad = (corpus / "sub" / "bad.md").string();
      const std::string other = (dir.path() / "corpus-2" / "bad.md").string();
      REQUIRE(failed_paths(fresh) == std::vector<std::string>{other, bad});

      fs::remove(corpus / "sub" / "bad.md");
      fs::remove(dir.path() / "corpus-2" / "bad.md");
      ingest::ImportOptions dry;
      dry.dry_run = true;
      import_into(db, {corpus.string()}, dry);
      CHECK(failed_paths(fresh) ==
            std::vector<std::string>{other, bad});  // a dry run writes nothing

      // corpus-2 shares corpus's name as a prefix, but is not under it: it stays.
      CHECK(counts(import_into(db, {corpus.string()})) == Counts{0, 0, 1, 0, 0});
      CHECK(failed_paths(fresh) == std::vector<std::string>{other});
      CHECK(stored_rows(db, "SELECT count(*) FROM import_files WHERE path = '" + bad + "'") ==
            Rows{"0"});
    }
  }
}

TEST_CASE("a walk that could not read a folder forgets nothing under it", "[ingest][import][log]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::TempDir dir;
      auto corpus = dir.path() / "corpus";
      write_file(corpus / "bad.md", article_md("https://e.com/bad", "Bad", "quality: x\n"));
      test::FreshStore fresh(backend);
      const std::string& db = fresh.spec();
      CHECK(counts(import_into(db, {corpus.string()})) == Counts{0, 0, 0, 0, 1});
      fs::remove(corpus / "bad.md");
      fs::path deep = make_too_long_path(corpus);
      auto summary = import_into(db, {corpus.string()});
      remove_too_long_path(deep);
      CHECK(summary.failed == 1);  // the folder it could not read
      auto listed = failed_paths(fresh);
      REQUIRE(listed.size() == 2);
      CHECK(listed[0] == (corpus / "bad.md").string());
      CHECK(listed[1].starts_with(deep.string() + "/"));
    }
  }
}

TEST_CASE("a folder the walk cannot read is recorded as failed and reported in input order",
          "[ingest][import][log]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::TempDir dir;
      auto corpus = dir.path() / "corpus";
      // In walk order: a.md, then the too-long folder, then z.md; both files bad.
      write_file(corpus / "a.md", article_md("https://e.com/a", "A", "quality: x\n"));
      write_file(corpus / "z.md", article_md("https://e.com/z", "Z", "quality: x\n"));
      fs::path deep = make_too_long_path(corpus);
      test::FreshStore fresh(backend);
      std::vector<Diagnostic> seen;
      auto summary = import_into(fresh.spec(), {corpus.string()}, {}, &seen);
      remove_too_long_path(deep);
      CHECK(counts(summary) == Counts{0, 0, 0, 0, 3});
      REQUIRE(seen.size() == 3);
      CHECK(seen[0].path == (corpus / "a.md").string());
      CHECK(seen[1].path.starts_with(deep.string() + "/"));
      CHECK(std::string(seen[1].message) ==
            std::string("cannot read folder: ") + std::strerror(ENAMETOOLONG));
      CHECK(seen[2].path == (corpus / "z.md").string());
      CHECK(summary.errors == seen);
      auto listed = failed_paths(fresh);
      REQUIRE(listed.size() == 3);
      CHECK(listed[0] == (corpus / "a.md").string());
      CHECK(listed[1] == seen[1].path);
      CHECK(listed[2] == (corpus / "z.md").string());
    }
  }
}
