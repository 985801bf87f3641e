#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <string>
#include <vector>

#include "ingest/ndjson_parts.hpp"
#include "store/content_hash.hpp"
#include "support/temp_dir.hpp"

using namespace newsdb;
using ingest::NdjsonPart;
using ingest::NdjsonParts;

namespace {

struct Fd {
  int fd;
  explicit Fd(const std::filesystem::path& p) : fd(::open(p.c_str(), O_RDONLY)) {}
  ~Fd() { ::close(fd); }
};

std::vector<NdjsonPart> all_parts(NdjsonParts& parts) {
  std::vector<NdjsonPart> out;
  for (;;) {
    auto part = parts.next();
    REQUIRE(part.has_value());
    if (!*part) return out;
    out.push_back(std::move(**part));
  }
}

}  // namespace

TEST_CASE("an NDJSON stream is cut into parts of whole lines with their line numbers",
          "[ingest]") {
  test::TempDir dir;
  std::string content;
  for (int i = 1; i <= 100; ++i) content += "{\"n\":" + std::to_string(i) + "}\n";
  auto path = dir.path() / "a.ndjson";
  std::ofstream(path) << content;

  Fd fd(path);
  NdjsonParts parts(fd.fd, 100, 1000);  // ~100 bytes a part: several lines each
  auto got = all_parts(parts);
  REQUIRE(got.size() > 5);
  std::string joined;
  std::int64_t expected_line = 1;
  for (const auto& part : got) {
    CHECK(part.first_line == expected_line);
    CHECK(part.bytes.ends_with('\n'));
    CHECK(part.oversized_lines.empty());
    // The part starts with the record of its first line.
    CHECK(part.bytes.starts_with("{\"n\":" + std::to_string(expected_line) + "}"));
    expected_line += std::count(part.bytes.begin(), part.bytes.end(), '\n');
    joined += part.bytes;
  }
  CHECK(joined == content);
  CHECK(parts.bytes_read() == static_cast<std::int64_t>(content.size()));
  CHECK(parts.content_hash() == store::bytes_content_hash(content));
}

TEST_CASE("a line over the limit is dropped, reported, and keeps later line numbers right",
          "[ingest]") {
  test::TempDir dir;
  std::string huge = "{\"title\":\"" + std::string(5000, 'x') + "\"}";
  std::string content = "{\"n\":1}\n" + huge + "\n{\"n\":3}\n{\"n\":4}";  // no final newline
  auto path = dir.path() / "b.ndjson";
  std::ofstream(path) << content;

  Fd fd(path);
  NdjsonParts parts(fd.fd, 1 << 20, 1000);
  auto got = all_parts(parts);
  REQUIRE(got.size() == 1);
  CHECK(got[0].first_line == 1);
  CHECK(got[0].oversized_lines == std::vector<std::int64_t>{2});
  CHECK(got[0].bytes == "{\"n\":1}\n\n{\"n\":3}\n{\"n\":4}");
  CHECK(parts.content_hash() == store::bytes_content_hash(content));
}

TEST_CASE("an oversized last line without a newline is reported too", "[ingest]") {
  test::TempDir dir;
  auto path = dir.path() / "c.ndjson";
  std::ofstream(path) << "{\"n\":1}\n" << std::string(3000, 'y');
  Fd fd(path);
  NdjsonParts parts(fd.fd, 1 << 20, 1000);
  auto got = all_parts(parts);
  REQUIRE(got.size() == 1);
  CHECK(got[0].bytes == "{\"n\":1}\n");
  CHECK(got[0].oversized_lines == std::vector<std::int64_t>{2});
}

TEST_CASE("an empty stream has no parts", "[ingest]") {
  test::TempDir dir;
  auto path = dir.path() / "empty.ndjson";
  std::ofstream(path) << "";
  Fd fd(path);
  NdjsonParts parts(fd.fd, 100, 1000);
  CHECK(all_parts(parts).empty());
  CHECK(parts.content_hash() == store::bytes_content_hash(""));
}
