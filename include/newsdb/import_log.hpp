// What the store remembers of each input it imported (a file, an archive member, a URL): its
// import record, for the next import's skip rules, and the diagnostics of the inputs whose last
// import failed, for `newsdb errors`. Written by the article writer together with the articles
// (<newsdb/article_writer.hpp>), in the same transactions; read through this interface.
//
// Keys: an input is recorded under its canonical key (an absolute path, "archive:member", a URL
// as given), so that one file named two ways has one record.
//
// Thread safety: none; a log belongs to one thread, like the Store that owns it.
#pragma once

#include <cstdint>
#include <newsdb/diagnostic.hpp>
#include <newsdb/error.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace newsdb {

enum class FileOutcome {
  kImported,  // parsed without errors (it may hold zero articles: an empty JSON array)
  kSkipped,   // not an article (no frontmatter fence)
  kFailed,    // at least one error; retried by the next import
};

// What the store remembers of one input (a file, an archive member "a.tar.gz:inner/x.md", a URL).
struct ImportRecord {
  std::string path;
  std::int64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string content_hash;  // of the input's bytes; empty when not known (e.g. an archive)
  FileOutcome outcome = FileOutcome::kImported;
  std::int64_t articles = 0;  // articles the input held when it was last parsed

  friend bool operator==(const ImportRecord&, const ImportRecord&) = default;
};

// An input that failed at its last import, with what was wrong.
struct FailedInput {
  std::string path;
  std::vector<Diagnostic> diagnostics;  // in the order they were reported
};

class ImportLog {
 public:
  virtual ~ImportLog() = default;

  // The stored records for `paths`, in the same order (nullopt where none).
  virtual Result<std::vector<std::optional<ImportRecord>>> lookup(
      std::span<const std::string> paths) = 0;

  // Every input whose last import failed, sorted by path.
  virtual Result<std::vector<FailedInput>> failed_inputs() = 0;

  // The paths of the inputs recorded as failed at `folder` or under it (`folder` + "/..."),
  // sorted. Reads only.
  virtual Result<std::vector<std::string>> failed_under(const std::string& folder) = 0;

  // Deletes the import records of `paths` and their recorded errors, in one transaction of its
  // own (call it with no batch of the writer open): inputs that are gone, or records moved to
  // another key.
  virtual Result<void> forget_inputs(std::span<const std::string> paths) = 0;
};

}  // namespace newsdb
