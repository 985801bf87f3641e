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

Result<void> Importer::ndjson_stream(const InputItem& item) {
  const bool from_stdin = item.kind == InputKind::kStdin;
  InputIdentity id{item.path, static_cast<std::int64_t>(item.size), item.mtime_ns, {}};
  FdOwner owner;
  int fd = STDIN_FILENO;
  std::vector<Diagnostic> problems;
  if (!from_stdin) {
    auto record = lookup_one(item.path);
    if (!record) return std::unexpected(record.error());
    if (stat_unchanged(*record, id.size, id.mtime_ns, item.origin)) {
      unchanged(**record);
      return {};
    }
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

  FileOutcome outcome = FileOutcome::kImported;
  std::int64_t articles = 0;
  bool first = true;
  std::optional<NdjsonParts> parts;
  if (problems.empty()) {
    parts.emplace(fd, options_.ndjson_part_bytes, options_.limits.max_document_bytes);
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
          parsed.diagnostics.push_back(Diagnostic{
              item.path, static_cast<int>(line), 0, {},
              "record is larger than the limit of " +
                  std::to_string(options_.limits.max_document_bytes) + " bytes"});
        }
        ParsedFile file = parsed_file(id, InputOrigin::kArgument, std::move(parsed));
        file.first_part = first;
        file.last_part = false;
        file.tracked = !from_stdin;
        first = false;
        if (file.record.outcome == FileOutcome::kFailed) outcome = FileOutcome::kFailed;
        articles += static_cast<std::int64_t>(file.articles.size());
        add(std::move(file), failed_records);
      });
      meta.clear();
      group_bytes = 0;
    };
    while (!writer_.failed()) {
      auto part = parts->next();
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
  }

  // The closing record: what the whole input held, written after its last part.
  ParsedFile closing;
  closing.record = ImportRecord{item.path, id.size, id.mtime_ns,
                                parts ? parts->content_hash() : std::string(),
                                problems.empty() ? outcome : FileOutcome::kFailed, articles};
  closing.first_part = first;
  closing.tracked = !from_stdin;
  for (const Diagnostic& d : problems) tally_.problem(d, true);
  closing.diagnostics = std::move(problems);
  writer_.add(std::move(closing));
  return {};
}

Result<void> Importer::archive(const InputItem& item) {
  auto record = lookup_one(item.path);
  if (!record) return std::unexpected(record.error());
  if (stat_unchanged(*record, static_cast<std::int64_t>(item.size), item.mtime_ns,
                     item.origin)) {
    unchanged(**record);
    return {};
  }
  std::vector<Diagnostic> problems;
  std::int64_t articles = 0;
  FileOutcome outcome = FileOutcome::kImported;
  auto reader = ArchiveReader::open(item.path);
  if (!reader) problems.push_back(error_at(item.path, reader.error().message));

  std::vector<Preread> group;
  std::vector<InputIdentity> ids;
  std::size_t group_bytes = 0;
  std::int64_t members = 0;
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
    InputIdentity id{(*member)->path, (*member)->size, (*member)->mtime_ns, {}};
    auto member_record = lookup_one(id.path);
    if (!member_record) return std::unexpected(member_record.error());
    if (stat_unchanged(*member_record, id.size, id.mtime_ns, InputOrigin::kFolderWalk)) {
      articles += (*member_record)->articles;
      unchanged(**member_record);
      continue;
    }
    InputFormat format = input_format_for_path(id.path);
    std::size_t cap = (format == InputFormat::kNdjson ? options_.limits.max_ndjson_bytes
                                                      : options_.limits.max_document_bytes) + 1;
    auto bytes = reader->read(cap);
    if (!bytes) {
      problems.push_back(error_at(id.path, bytes.error().message));
      break;
    }
    id.content_hash = store::bytes_content_hash(*bytes);
    if (content_unchanged(*member_record, id.content_hash, InputOrigin::kFolderWalk)) {
      flush();  // keeps the writer's input order
      articles += (*member_record)->articles;
      unchanged(**member_record);
      writer_.add(unchanged_file(id, **member_record));
      continue;
    }
    group_bytes += bytes->size();
    group.push_back(Preread{InputItem{InputKind::kFile, InputOrigin::kFolderWalk, id.path,
                                      static_cast<std::uint64_t>(id.size), id.mtime_ns},
                            std::move(*bytes)});
    ids.push_back(std::move(id));
    if (group_bytes >= kGroupBytes || group.size() >= kGroupInputs) flush();
  }
  flush();

  // The archive's own record, after its members: skipped as a whole next time when unchanged.
  ParsedFile closing;
  closing.record = ImportRecord{item.path, static_cast<std::int64_t>(item.size), item.mtime_ns,
                                {}, problems.empty() ? outcome : FileOutcome::kFailed, articles};
  for (const Diagnostic& d : problems) tally_.problem(d, true);
  closing.diagnostics = std::move(problems);
  writer_.add(std::move(closing));
  return {};
}

}  // namespace newsdb::ingest
