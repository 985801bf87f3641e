// A large .ndjson member of an archive is read in parts as it is decompressed, as the same file
// outside an archive is: peak memory does not grow with the member (measured on the child's
// ru_maxrss), and the member is not refused for its size.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <newsdb/document.hpp>
#include <nlohmann/json.hpp>

#include "reliability/reliability_support.hpp"
#include "support/backends.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace newsdb;
using namespace newsdb::test;

namespace {

constexpr int kGoodRecords = 3000;
constexpr int kOversizedLines = 18;

// About 300 MB of NDJSON, more than the whole-file limit of .ndjson: good records, and between
// them lines over the per-record limit (each read past, reported, and dropped).
void write_large_ndjson(const fs::path& path) {
  const std::size_t over = ParseLimits{}.max_document_bytes + (1u << 20);
  const std::string filler(over, 'x');
  std::ofstream out(path, std::ios::binary);
  for (int i = 0; i < kGoodRecords; ++i) {
    out << R"({"title": "Record )" << i << R"(", "webUrl": "https://e.com/r/)" << i << "\"}\n";
    if (i % (kGoodRecords / kOversizedLines) == 0 &&
        i / (kGoodRecords / kOversizedLines) < kOversizedLines) {
      out << R"({"title": ")" << filler << "\"}\n";
    }
  }
  REQUIRE(out.good());
}

}  // namespace

TEST_CASE("a large .ndjson member of a .tar.gz streams in the memory of the same file outside",
          "[reliability][archive]") {
  TempDir dir;
  fs::path tree = dir.path() / "tree";
  fs::create_directories(tree);
  fs::path big = tree / "big.ndjson";
  write_large_ndjson(big);
  REQUIRE(fs::file_size(big) > ParseLimits{}.max_ndjson_bytes);
  fs::path archive = dir.path() / "big.tar.gz";
  std::string command = "tar -czf '" + archive.string() + "' -C '" + tree.string() + "' big.ndjson";
  REQUIRE(std::system(command.c_str()) == 0);

  for (const auto& backend : backends()) {
    for (const fs::path& input : {big, archive}) {
      DYNAMIC_SECTION(backend << ", " << input.filename().string()) {
        FreshStore fresh(backend);
        auto r = run_child({"--db", fresh.spec(), "import", "--report", "json", input.string()},
                           dir.path());
        INFO(r.err);
        CHECK(r.exit_code == 1);
        auto report = Json::parse(r.out);
        CHECK(report["new"] == kGoodRecords);
        CHECK(report["failed"] == kOversizedLines);
        CHECK_THAT(r.err, Catch::Contains("big.ndjson:2: error: record is larger than the limit"));
        std::cout << "archive stream: " << backend << ", " << input.filename().string()
                  << " peaked at " << r.max_rss_kb / 1024 << " MB\n";
        // Buffered whole, the member alone would take its 300 MB (and be refused at 256 MiB).
        if (!under_sanitizer()) CHECK(r.max_rss_kb < 120 * 1024);
      }
    }
  }
}
