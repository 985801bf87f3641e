#include "ingest/archive_reader.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <utility>

namespace newsdb::ingest {
namespace {

bool hidden(std::string_view inner) {
  for (std::size_t start = 0; start < inner.size();) {
    std::size_t end = inner.find('/', start);
    if (end == std::string_view::npos) end = inner.size();
    std::string_view part = inner.substr(start, end - start);
    if (part.starts_with('.') && part != "." && part != "..") return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

Result<ArchiveReader> ArchiveReader::open(const std::string& path) {
  archive* a = archive_read_new();
  if (!a) return fail(ErrorKind::kInternal, "libarchive: out of memory");
  archive_read_support_filter_all(a);
  archive_read_support_format_tar(a);
  archive_read_support_format_gnutar(a);
  if (archive_read_open_filename(a, path.c_str(), 256u << 10) != ARCHIVE_OK) {
    std::string message = archive_error_string(a) ? archive_error_string(a) : "cannot open";
    archive_read_free(a);
    return fail(ErrorKind::kIo, "cannot read archive: " + message);
  }
  return ArchiveReader(a, path);
}

ArchiveReader::ArchiveReader(archive* a, std::string path) : archive_(a), path_(std::move(path)) {}

ArchiveReader::ArchiveReader(ArchiveReader&& other) noexcept
    : archive_(std::exchange(other.archive_, nullptr)), path_(std::move(other.path_)) {}

ArchiveReader::~ArchiveReader() {
  if (archive_) archive_read_free(archive_);
}

Error ArchiveReader::error(const std::string& what) const {
  const char* why = archive_error_string(archive_);
  return Error{ErrorKind::kInvalidInput,
               what + ": " + (why ? why : "damaged or not a tar archive")};
}

Result<std::optional<ArchiveMember>> ArchiveReader::next() {
  for (;;) {
    archive_entry* entry = nullptr;
    int rc = archive_read_next_header(archive_, &entry);
    if (rc == ARCHIVE_EOF) return std::optional<ArchiveMember>();
    if (rc < ARCHIVE_WARN) return std::unexpected(error("cannot read the next member"));
    if (archive_entry_filetype(entry) != AE_IFREG) continue;
    const char* name = archive_entry_pathname(entry);
    std::string inner = name ? name : "";
    while (inner.starts_with("./")) inner.erase(0, 2);
    if (inner.empty() || hidden(inner)) continue;
    ArchiveMember member;
    member.path = path_ + ":" + inner;
    member.inner_path = std::move(inner);
    member.size = archive_entry_size(entry);
    member.mtime_ns = static_cast<std::int64_t>(archive_entry_mtime(entry)) * 1'000'000'000 +
                      archive_entry_mtime_nsec(entry);
    return member;
  }
}

Result<std::string> ArchiveReader::read(std::size_t cap) {
  std::string out;
  char buffer[64u << 10];
  while (out.size() < cap) {
    la_ssize_t n = archive_read_data(archive_, buffer, std::min(sizeof buffer, cap - out.size()));
    if (n < 0) return std::unexpected(error("cannot read a member"));
    if (n == 0) return out;
    out.append(buffer, static_cast<std::size_t>(n));
  }
  if (archive_read_data_skip(archive_) < ARCHIVE_WARN) {
    return std::unexpected(error("cannot read past a member"));
  }
  return out;
}

Result<std::size_t> ArchiveReader::read_some(char* data, std::size_t size) {
  la_ssize_t n = archive_read_data(archive_, data, size);
  if (n < 0) return std::unexpected(error("cannot read a member"));
  return static_cast<std::size_t>(n);
}

}  // namespace newsdb::ingest
