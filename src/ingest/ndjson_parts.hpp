// Cuts an NDJSON stream (a large .ndjson file, stdin, or an archive member) into parts of whole
// lines, so that an input of any size is parsed and written with memory bounded by the part, not by
// the input.
//
// A line longer than the per-record limit is not kept: it is read past, reported, and left as an
// empty line (so line numbers still count from the start of the part), so one enormous line
// cannot exhaust memory either.
#pragma once

#include <xxhash.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <newsdb/error.hpp>
#include <optional>
#include <string>
#include <vector>

namespace newsdb::ingest {

struct NdjsonPart {
  std::string bytes;            // whole lines, each with its '\n' (the last may lack it)
  std::int64_t first_line = 1;  // the input's line number of bytes' first line
  // Lines over the limit that were dropped from this part, by line number.
  std::vector<std::int64_t> oversized_lines;
};

// Reads up to `size` bytes into `data`: how many were read, 0 at the end of the stream.
using ByteSource = std::function<Result<std::size_t>(char* data, std::size_t size)>;

class NdjsonParts {
 public:
  // Reads from `source`. Parts hold about `part_bytes` each; a line over `max_line_bytes` is
  // dropped and listed in its part's oversized_lines.
  NdjsonParts(ByteSource source, std::size_t part_bytes, std::size_t max_line_bytes);
  // Reads from `fd` (not owned, not closed).
  NdjsonParts(int fd, std::size_t part_bytes, std::size_t max_line_bytes);
  ~NdjsonParts();
  NdjsonParts(const NdjsonParts&) = delete;
  NdjsonParts& operator=(const NdjsonParts&) = delete;

  // The next part, or nullopt once the stream has ended. kIo when a read fails.
  Result<std::optional<NdjsonPart>> next();

  // Bytes read so far, and the XXH3-128 of all of them (32 hex digits) once next() has returned
  // nullopt: the whole input's content hash.
  std::int64_t bytes_read() const { return bytes_read_; }
  std::string content_hash() const;

 private:
  Result<bool> fill();  // false at the end of the stream

  ByteSource source_;
  std::size_t part_bytes_;
  std::size_t max_line_bytes_;
  std::string buffer_;      // read; buffer_[pos_, end) is not handed out yet
  std::size_t pos_ = 0;
  bool dropping_ = false;   // inside an oversized line, reading past it
  bool at_end_ = false;
  std::int64_t next_line_ = 1;
  std::int64_t bytes_read_ = 0;
  XXH3_state_t* hash_;
};

}  // namespace newsdb::ingest
