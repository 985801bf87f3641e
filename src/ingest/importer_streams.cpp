// Inputs read as streams: large .ndjson files and stdin (cut in parts of whole lines), and
// .tar / .tar.gz archives (member by member). Memory is bounded by a group of parts or members.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "ingest/archive_reader.hpp"
#include "ingest/importer.hpp"
#include "ingest/ndjson_parts.hpp"
#include "store/content_hash.hpp"

namespace newsdb::ingest {
namespace {

// Parts or members parsed together: enough to keep every parsing thread busy, few enough that
// their bytes and articles stay small next to a batch.
constexpr std::size_t kGroupBytes = 8u << 20;
constexpr std::size_t kGroupInputs = 64;

Diagnostic error_at(const std::string& path, std::string message) {
  return Diagnostic{path, 0, 0, {}, std::move(message)};
}

// Closes a file descriptor it owns (not stdin).
struct FdOwner {
  int fd = -1;
  ~FdOwner() {
    if (fd >= 0) ::close(fd);
  }
};

Result<std::string> hash_fd(int fd) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  std::string buffer(256u << 10, '\0');
  for (;;) {
    ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      XXH3_freeState(state);
      return fail(ErrorKind::kIo, std::string("cannot read: ") + std::strerror(errno));
    }
    if (n == 0) break;
    XXH3_128bits_update(state, buffer.data(), static_cast<std::size_t>(n));
  }
  std::string hash = store::hex_digest(XXH3_128bits_digest(state));
  XXH3_freeState(state);
  return hash;
}

// Moves a part's diagnostics from its own line numbers to the input's.
void shift_lines(std::vector<Diagnostic>& diagnostics, std::int64_t first_line) {
  for (Diagnostic& d : diagnostics) {
    if (d.line > 0) d.line += static_cast<int>(first_line - 1);
  }
}

}  // namespace

Importer::Streamed Importer::stream_parts(NdjsonParts& parts, const InputItem& item,
                                          const InputIdentity& id,
                                          std::vector<Diagnostic>& problems) {
  Streamed out;
  std::vector<Preread> group;
  std::vector<NdjsonPart> meta;  // first line and dropped lines of each part in the group
  std::size_t group_bytes = 0;
  std::int64_t parts_met = 0;
  auto flush = [&] {
    parse_preread(group, [&](std::size_t i, ParsedInput&& parsed) {
      shift_lines(parsed.diagnostics, meta[i].first_line);
      std::size_t failed_records = parsed.failed_records;
      for (std::int64_t line : meta[i].oversized_lines) {
        parsed.status = InputStatus::kFailed;
        ++failed_records;
        parsed.diagnostics.push_back(
            Diagnostic{item.path,
                       static_cast<int>(line),
                       0,
                       {},
                       "record is larger than the limit of " +
                           std::to_string(options_.limits.max_document_bytes) + " bytes"});
      }
      ParsedFile file = parsed_file(id, InputOrigin::kArgument, std::move(parsed));
      file.first_part = !out.any_part;
      file.last_part = false;
      file.tracked = item.kind != InputKind::kStdin;
      out.any_part = true;
      if (file.record.outcome == FileOutcome::kFailed) out.outcome = FileOutcome::kFailed;
      out.articles += static_cast<std::int64_t>(file.articles.size());
      add(std::move(file), failed_records);
    });
    meta.clear();
    group_bytes = 0;
  };
  while (!writer_.failed()) {
    auto part = parts.next();
    if (!part) {
      problems.push_back(error_at(item.path, part.error().message));
      break;
    }
    if (!*part) break;
    tally_.piece_found(parts_met++);
    group_bytes += (*part)->bytes.size();
    group.push_back(Preread{InputItem{item.kind, InputOrigin::kArgument, item.path, 0, 0},
                            std::move((*part)->bytes)});
    meta.push_back(std::move(**part));
    if (group_bytes >= kGroupBytes || group.size() >= kGroupInputs) flush();
  }
  flush();
  return out;
}

void Importer::close_stream(ImportRecord record, const Streamed& streamed, bool tracked,
                            std::vector<Diagnostic> problems) {
  ParsedFile closing;
  record.outcome = problems.empty() ? streamed.outcome : FileOutcome::kFailed;
  record.articles = streamed.articles;
  closing.record = std::move(record);
  closing.first_part = !streamed.any_part;
  closing.tracked = tracked;
  for (const Diagnostic& d : problems) tally_.problem(d, true);
  closing.diagnostics = std::move(problems);
  writer_.add(std::move(closing));
}

Result<void> Importer::ndjson_stream(const InputItem& item) {
  const bool from_stdin = item.kind == InputKind::kStdin;
  InputIdentity id{item.log_key(), static_cast<std::int64_t>(item.size), item.mtime_ns, {}};
  FdOwner owner;
  int fd = STDIN_FILENO;
  std::vector<Diagnostic> problems;
  if (!from_stdin) {
    bool legacy = false;
    auto record = lookup_one(item, legacy);
    if (!record) return std::unexpected(record.error());
    if (stat_unchanged(*record, id.size, id.mtime_ns, item.origin)) {
      unchanged(**record);
      if (legacy) rekey(item, **record);
      return {};
    }
    if (legacy && !options_.dry_run) forget_.push_back(item.path);
    owner.fd = fd = ::open(item.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      problems.push_back(error_at(item.path, std::string("cannot open: ") + std::strerror(errno)));
    } else if (*record) {
      // Read once to hash before parsing anything: unchanged bytes are not parsed again.
      auto hash = hash_fd(fd);
      if (hash && content_unchanged(*record, *hash, item.origin)) {
        id.content_hash = *hash;
        unchanged(**record);
        writer_.add(unchanged_file(id, **record));
        return {};
      }
      if (::lseek(fd, 0, SEEK_SET) != 0) {
        problems.push_back(error_at(item.path, std::string("cannot read: ") + std::strerror(errno)));
      }
    }
  }

  std::optional<NdjsonParts> parts;
  Streamed streamed;
  if (problems.empty()) {
    parts.emplace(fd, options_.ndjson_part_bytes, options_.limits.max_document_bytes);
    streamed = stream_parts(*parts, item, id, problems);
  }
  // The closing record: what the whole input held, written after its last part.
  close_stream(
      ImportRecord{id.path, id.size, id.mtime_ns, parts ? parts->content_hash() : std::string(),
                   FileOutcome::kImported, 0},
      streamed, !from_stdin, std::move(problems));
  return {};
}

// An archive that changed is read whole, every member parsed again (a member whose bytes are
// unchanged finds its articles unchanged in the writer): its members are one input, so that the
// last record of a URL among them wins as in a first import of the archive.
Result<void> Importer::archive(const InputItem& item) {
  bool legacy = false;
  auto record = lookup_one(item, legacy);
  if (!record) return std::unexpected(record.error());
  if (stat_unchanged(*record, static_cast<std::int64_t>(item.size), item.mtime_ns,
                     item.origin)) {
    unchanged(**record);
    if (legacy) rekey(item, **record);
    return {};
  }
  if (legacy && !options_.dry_run) forget_.push_back(item.path);
  const std::string prefix = item.log_key() + ":";
  std::vector<Diagnostic> problems;
  std::int64_t articles = 0;
  FileOutcome outcome = FileOutcome::kImported;
  auto reader = ArchiveReader::open(item.path);
  if (!reader) problems.push_back(error_at(item.path, reader.error().message));

  std::vector<Preread> group;
  std::vector<InputIdentity> ids;
  std::size_t group_bytes = 0;
  std::int64_t members = 0;
  bool truncated = false;  // a member could not be read: the rest of the archive was not
  auto flush = [&] {
    parse_preread(group, [&](std::size_t i, ParsedInput&& parsed) {
      std::size_t failed_records = parsed.failed_records;
      ParsedFile file = parsed_file(ids[i], InputOrigin::kFolderWalk, std::move(parsed));
      if (file.record.outcome == FileOutcome::kFailed) outcome = FileOutcome::kFailed;
      articles += static_cast<std::int64_t>(file.articles.size());
      add(std::move(file), failed_records);
    });
    ids.clear();
    group_bytes = 0;
  };
  while (reader && !writer_.failed()) {
    auto member = reader->next();
    if (!member) {
      problems.push_back(error_at(item.path, member.error().message));
      break;
    }
    if (!*member) break;
    tally_.piece_found(members++);
    const ArchiveMember& m = **member;
    InputIdentity id{prefix + m.inner_path, m.size, m.mtime_ns, {}};
    met(id.path);
    InputFormat format = input_format_for_path(m.path);
    if (format == InputFormat::kNdjson &&
        static_cast<std::uint64_t>(m.size) > options_.ndjson_part_bytes) {
      // A large .ndjson member is read in parts as it is decompressed, like a file outside.
      flush();  // keeps the writer's input order
      NdjsonParts parts([&](char* data, std::size_t size) { return reader->read_some(data, size); },
                        options_.ndjson_part_bytes, options_.limits.max_document_bytes);
      InputItem member_item{InputKind::kFile, InputOrigin::kFolderWalk,
                            m.path,           static_cast<std::uint64_t>(m.size),
                            m.mtime_ns,       id.path};
      std::vector<Diagnostic> unreadable;
      Streamed streamed = stream_parts(parts, member_item, id, unreadable);
      const bool broken = !unreadable.empty();
      if (broken || streamed.outcome == FileOutcome::kFailed) outcome = FileOutcome::kFailed;
      articles += streamed.articles;
      close_stream(ImportRecord{id.path, id.size, id.mtime_ns, parts.content_hash(),
                                FileOutcome::kImported, 0},
                   streamed, true, std::move(unreadable));
      if (broken) {
        truncated = true;  // the archive cannot be read past a damaged member
        break;
      }
      continue;
    }
    std::size_t cap = (format == InputFormat::kNdjson ? options_.limits.max_ndjson_bytes
                                                      : options_.limits.max_document_bytes) + 1;
    auto bytes = reader->read(cap);
    if (!bytes) {
      problems.push_back(error_at(m.path, bytes.error().message));
      break;
    }
    id.content_hash = store::bytes_content_hash(*bytes);
    group_bytes += bytes->size();
    group.push_back(Preread{InputItem{InputKind::kFile, InputOrigin::kFolderWalk, m.path,
                                      static_cast<std::uint64_t>(id.size), id.mtime_ns, id.path},
                            std::move(*bytes)});
    ids.push_back(std::move(id));
    if (group_bytes >= kGroupBytes || group.size() >= kGroupInputs) flush();
  }
  flush();
  // A damaged archive was not read to its end: the failures recorded for its members stay.
  if (truncated || !problems.empty()) met_none_under(prefix);

  // The archive's own record, after its members: skipped as a whole next time when unchanged.
  ParsedFile closing;
  closing.record = ImportRecord{item.log_key(),
                                static_cast<std::int64_t>(item.size),
                                item.mtime_ns,
                                {},
                                problems.empty() ? outcome : FileOutcome::kFailed,
                                articles};
  for (const Diagnostic& d : problems) tally_.problem(d, true);
  closing.diagnostics = std::move(problems);
  writer_.add(std::move(closing));
  return {};
}

}  // namespace newsdb::ingest
