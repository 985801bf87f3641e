#include "ingest/ndjson_parts.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "store/content_hash.hpp"

namespace newsdb::ingest {
namespace {
constexpr std::size_t kReadSize = 256u << 10;
}

NdjsonParts::NdjsonParts(ByteSource source, std::size_t part_bytes, std::size_t max_line_bytes)
    : source_(std::move(source)),
      part_bytes_(part_bytes),
      max_line_bytes_(max_line_bytes),
      hash_(XXH3_createState()) {
  XXH3_128bits_reset(hash_);
}

NdjsonParts::NdjsonParts(int fd, std::size_t part_bytes, std::size_t max_line_bytes)
    : NdjsonParts(
          [fd](char* data, std::size_t size) -> Result<std::size_t> {
            ssize_t n = 0;
            do {
              n = ::read(fd, data, size);
            } while (n < 0 && errno == EINTR);
            if (n < 0)
              return fail(ErrorKind::kIo, std::string("cannot read: ") + std::strerror(errno));
            return static_cast<std::size_t>(n);
          },
          part_bytes, max_line_bytes) {}

NdjsonParts::~NdjsonParts() { XXH3_freeState(hash_); }

std::string NdjsonParts::content_hash() const {
  return store::hex_digest(XXH3_128bits_digest(hash_));
}

Result<bool> NdjsonParts::fill() {
  if (at_end_) return false;
  std::size_t have = buffer_.size();
  Result<std::size_t> n = 0;
  buffer_.resize_and_overwrite(have + kReadSize, [&](char* data, std::size_t) {
    n = source_(data + have, kReadSize);
    return n && *n > 0 ? have + *n : have;
  });
  if (!n) return std::unexpected(n.error());
  if (*n == 0) {
    at_end_ = true;
    return false;
  }
  XXH3_128bits_update(hash_, buffer_.data() + have, *n);
  bytes_read_ += static_cast<std::int64_t>(*n);
  return true;
}

Result<std::optional<NdjsonPart>> NdjsonParts::next() {
  NdjsonPart part;
  part.first_line = next_line_;
  for (;;) {
    // Hand out the complete lines in the buffer, one by one.
    for (std::size_t newline; (newline = buffer_.find('\n', pos_)) != std::string::npos;) {
      std::size_t length = newline + 1 - pos_;
      if (dropping_ || length > max_line_bytes_ + 1) {
        // An oversized line: reported, and an empty line in its place keeps the line numbers
        // of the part's later lines right.
        if (!dropping_) part.oversized_lines.push_back(next_line_);
        part.bytes += '\n';
        dropping_ = false;
      } else {
        part.bytes.append(buffer_, pos_, length);
      }
      pos_ = newline + 1;
      ++next_line_;
      if (part.bytes.size() >= part_bytes_) return part;
    }
    // What is left is the start of a line: keep it unless it is already too long.
    buffer_.erase(0, pos_);
    pos_ = 0;
    if (!dropping_ && buffer_.size() > max_line_bytes_) {
      part.oversized_lines.push_back(next_line_);
      dropping_ = true;
    }
    if (dropping_) buffer_.clear();
    auto more = fill();
    if (!more) return std::unexpected(more.error());
    if (!*more) break;
  }
  // End of the stream: a last line without '\n'.
  if (!buffer_.empty() && !dropping_) {
    part.bytes += buffer_;
    ++next_line_;
  }
  buffer_.clear();
  if (part.bytes.empty() && part.oversized_lines.empty()) return std::optional<NdjsonPart>();
  return part;
}

}  // namespace newsdb::ingest
