// Databases newsdb must refuse with a message that says what is wrong and what to do, for writers
// (import) and readers (query) alike, leaving the file untouched: one this user may not write,
// one in a folder this user may not write, a file that is not SQLite, a SQLite file that is not
// newsdb's, and one written by a newer newsdb.
// SQLite's alone: these are files and folders. PostgreSQL's twins (a database of another program,
// one from a newer newsdb) are in tests/store/postgres_schema_test.cpp.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "reliability/reliability_support.hpp"
#include "store/sqlite/database.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace newsdb;
using namespace newsdb::test;

namespace {

constexpr uid_t kNobody = 65534;

std::string bytes_of(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A database of 20 articles at DIR/name.sqlite, made by newsdb itself.
std::string made_database(const fs::path& dir, const std::string& name) {
  write_corpus(dir / "corpus", 0, 20, Revision::kOriginal);
  std::string db = (dir / (name + ".sqlite")).string();
  REQUIRE(run_child({"--db", db, "import", (dir / "corpus").string()}, dir).exit_code == 0);
  return db;
}

// Root ignores file permissions, so as root the child runs as nobody, from a link to or a copy of
// the binary that nobody can reach (the build tree may sit in a private home folder).
ChildOptions unprivileged(const fs::path& dir) {
  ChildOptions options;
  if (::geteuid() != 0) return options;
  options.user = kNobody;
  options.binary = (dir / "newsdb").string();
  // A hard link where the build tree shares the file system, else a copy (~100 MB with its debug
  // information: a full disk shows up here first).
  std::error_code linked;
  if (!fs::exists(options.binary)) fs::create_hard_link(NEWSDB_BINARY, options.binary, linked);
  if (linked) fs::copy_file(NEWSDB_BINARY, options.binary);
  fs::permissions(dir, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                           fs::perms::others_read | fs::perms::others_exec);
  return options;
}

}  // namespace

TEST_CASE("a database this user may not write: import refuses it, queries still read it",
          "[reliability][refused]") {
  TempDir dir;
  std::string db = made_database(dir.path(), "ro");
  auto user = unprivileged(dir.path());
  fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  // The folder is writable for the user (SQLite may put its -shm file there), the file is not.
  fs::create_directories(dir.path() / "scratch");
  if (user.user) ::chown(dir.path().c_str(), *user.user, *user.user);
  auto before = bytes_of(db);

  auto r = run_child({"--db", db, "import", (dir.path() / "corpus").string()}, dir.path(), user);
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err == "newsdb: error: " + db + " is read-only for this user: newsdb cannot write to "
                 "it (check the permissions of the file and its folder, or pass another --db)\n");

  auto q = run_child({"--db", db, "query", "--limit", "0", "--format", "urls"}, dir.path(), user);
  INFO(q.err);
  CHECK(q.exit_code == 0);
  CHECK(std::count(q.out.begin(), q.out.end(), '\n') == 20);
  CHECK(bytes_of(db) == before);
}

TEST_CASE("a database in a folder this user may not write is refused with the reason",
          "[reliability][refused]") {
  TempDir dir;
  fs::path folder = dir.path() / "locked";
  fs::create_directories(folder);
  std::string db = made_database(folder, "db");
  auto user = unprivileged(dir.path());
  fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                              fs::perms::group_exec | fs::perms::others_read |
                              fs::perms::others_exec);
  if (!user.user) {
    fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  }

  auto r = run_child({"--db", db, "import", (folder / "corpus").string()}, dir.path(), user);
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("read-only for this user"));
  CHECK_THAT(r.err, !Catch::Contains("not a newsdb database"));

  auto q = run_child({"--db", db, "query", "--format", "urls"}, dir.path(), user);
  INFO(q.err);
  CHECK(q.exit_code == 1);
  CHECK_THAT(q.err, Catch::Contains("in a folder this user cannot write") &&
                        Catch::Contains("make the folder writable, or copy the database"));
  CHECK_THAT(q.err, !Catch::Contains("not a newsdb database"));
  fs::permissions(folder, fs::perms::owner_all);
}

TEST_CASE("files that are not newsdb databases are refused by writers and readers, untouched",
          "[reliability][refused]") {
  TempDir dir;
  write_corpus(dir.path() / "corpus", 0, 3, Revision::kOriginal);
  auto input = (dir.path() / "corpus").string();

  struct Case {
    std::string name, bytes, message;
  };
  std::string binary = "\x89PNG\r\n\x1a\n" + std::string(5000, '\0') + "IHDR";
  std::vector<Case> cases = {
      {"notes.txt", "my notes\n" + std::string(4000, 'n'), "is not a newsdb database"},
      {"image.png", binary, "is not a newsdb database"},
  };
  // The first 1000 bytes of a real newsdb database: a SQLite header over missing pages.
  std::string real = bytes_of(made_database(dir.path(), "real"));
  cases.push_back({"cut.sqlite", real.substr(0, 1000), "malformed"});
  for (const auto& c : cases) {
    DYNAMIC_SECTION(c.name) {
      fs::path path = dir.path() / c.name;
      std::ofstream(path, std::ios::binary) << c.bytes;
      for (std::vector<std::string> args :
           {std::vector<std::string>{"import", input}, {"query"}, {"stats"}}) {
        args.insert(args.begin(), {"--db", path.string()});
        auto r = run_child(args, dir.path());
        INFO(args[2] << ": " << r.err);
        CHECK(r.exit_code == 1);
        CHECK(r.signal == 0);
        CHECK_THAT(r.err, Catch::StartsWith("newsdb: error: ") && Catch::Contains(c.message));
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK(bytes_of(path) == c.bytes);
      }
    }
  }
}

TEST_CASE("a database from a newer newsdb is refused by writers and readers, untouched",
          "[reliability][refused]") {
  TempDir dir;
  std::string db = made_database(dir.path(), "newer");
  {
    auto raw = sqlite::Database::open(db, sqlite::Database::Access::kReadWrite);
    REQUIRE(raw);
    REQUIRE(raw->exec("PRAGMA user_version = 99"));
  }
  auto before = bytes_of(db);
  for (std::vector<std::string> args :
       {std::vector<std::string>{"import", (dir.path() / "corpus").string()},
        {"query"},
        {"search", "story"}}) {
    args.insert(args.begin(), {"--db", db});
    auto r = run_child(args, dir.path());
    INFO(args[2] << ": " << r.err);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("was written by a newer newsdb (schema 99") &&
                          Catch::Contains("upgrade newsdb to use it"));
    CHECK(bytes_of(db) == before);
  }
}
