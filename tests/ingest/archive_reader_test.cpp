#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "ingest/archive_reader.hpp"
#include "support/temp_dir.hpp"

using namespace newsdb;
using ingest::ArchiveReader;

namespace {

// Makes dir/tree with a few files and packs it with the system's tar; returns the archive path.
std::filesystem::path make_archive(const std::filesystem::path& dir, const std::string& name,
                                   const std::string& tar_flags) {
  auto tree = dir / "tree";
  std::filesystem::create_directories(tree / "sub");
  std::filesystem::create_directories(tree / ".hidden");
  std::ofstream(tree / "a.md") << "---\ntitle: A\n---\n";
  std::ofstream(tree / "sub" / "b.ndjson") << "{}\n";
  std::ofstream(tree / ".hidden" / "c.md") << "hidden";
  std::ofstream(tree / ".dotfile") << "hidden";
  auto archive = dir / name;
  std::string command = "tar " + tar_flags + " -cf '" + archive.string() + "' -C '" +
                        tree.string() + "' --mtime='2023-11-24 05:12:00 UTC' --sort=name .";
  REQUIRE(std::system(command.c_str()) == 0);
  return archive;
}

}  // namespace

TEST_CASE("archive members come in order, named ARCHIVE:inner, hidden and folders passed over",
          "[ingest]") {
  test::TempDir dir;
  for (const auto& [name, flags] : std::vector<std::pair<std::string, std::string>>{
           {"corpus.tar", ""}, {"corpus.tar.gz", "-z"}}) {
    DYNAMIC_SECTION(name) {
      auto path = make_archive(dir.path(), name, flags);
      auto reader = ArchiveReader::open(path.string());
      REQUIRE(reader.has_value());

      auto first = reader->next();
      REQUIRE(first);
      REQUIRE(first->has_value());
      CHECK((*first)->path == path.string() + ":a.md");
      CHECK((*first)->inner_path == "a.md");
      CHECK((*first)->size == 17);
      CHECK((*first)->mtime_ns == 1700802720LL * 1'000'000'000);
      auto bytes = reader->read(1000);
      REQUIRE(bytes);
      CHECK(*bytes == "---\ntitle: A\n---\n");

      auto second = reader->next();
      REQUIRE(second);
      REQUIRE(second->has_value());
      CHECK((*second)->inner_path == "sub/b.ndjson");
      // Not reading a member is fine: the next header comes anyway.
      auto end = reader->next();
      REQUIRE(end);
      CHECK_FALSE(end->has_value());
    }
  }
}

TEST_CASE("a member is read up to the cap and the rest skipped", "[ingest]") {
  test::TempDir dir;
  auto path = make_archive(dir.path(), "c.tar", "");
  auto reader = ArchiveReader::open(path.string());
  REQUIRE(reader);
  REQUIRE(reader->next());
  auto bytes = reader->read(4);
  REQUIRE(bytes);
  CHECK(*bytes == "---\n");
  auto next = reader->next();
  REQUIRE(next);
  REQUIRE(next->has_value());
  CHECK((*next)->inner_path == "sub/b.ndjson");
  auto rest = reader->read(100);
  REQUIRE(rest);
  CHECK(*rest == "{}\n");
}

TEST_CASE("a file that is not an archive is an error, not a crash", "[ingest]") {
  test::TempDir dir;
  auto path = dir.path() / "fake.tar.gz";
  std::ofstream(path) << std::string(2000, 'z');
  auto reader = ArchiveReader::open(path.string());
  if (reader) {
    auto next = reader->next();
    CHECK_FALSE(next.has_value());
  } else {
    CHECK_FALSE(reader.error().message.empty());
  }
  CHECK_FALSE(ArchiveReader::open((dir.path() / "missing.tar").string()).has_value());
}
