// Reads the members of a .tar / .tar.gz archive in place, one after another (libarchive), without
// unpacking it anywhere. Members are named "ARCHIVE:inner/path" wherever the store or a
// diagnostic names them.
//
// Only regular files are members; folders, links and devices are passed over, and so are hidden
// entries (a name component starting with '.'), as a folder walk would. A member's bytes are read
// up to a cap (the rest of a larger member is skipped, not buffered), or in pieces as a stream.
// Not thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <newsdb/error.hpp>
#include <optional>
#include <string>

struct archive;

namespace newsdb::ingest {

struct ArchiveMember {
  std::string path;           // "ARCHIVE:inner/path"
  std::string inner_path;     // "inner/path"
  std::int64_t size = 0;      // as the archive says
  std::int64_t mtime_ns = 0;  // as the archive says
};

class ArchiveReader {
 public:
  // Opens `path` (any format and compression libarchive reads). kIo / kInvalidInput on failure.
  static Result<ArchiveReader> open(const std::string& path);

  ArchiveReader(ArchiveReader&&) noexcept;
  ArchiveReader& operator=(ArchiveReader&&) = delete;
  ~ArchiveReader();

  // The next member's header, or nullopt after the last one. A damaged archive is kInvalidInput.
  Result<std::optional<ArchiveMember>> next();
  // The current member's first `cap` bytes (the whole member when it is smaller); the rest is
  // skipped. At most once per member, before the next call to next().
  Result<std::string> read(std::size_t cap);
  // Reads the current member in pieces instead: up to `size` bytes into `data`, 0 at its end.
  Result<std::size_t> read_some(char* data, std::size_t size);

 private:
  ArchiveReader(archive* a, std::string path);
  Error error(const std::string& what) const;

  archive* archive_;
  std::string path_;
};

}  // namespace newsdb::ingest
