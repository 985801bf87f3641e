// The import side of the store: file bookkeeping and batched, idempotent article writes.
// DRAFT by the lead; owned by the store/import work (issue 3), which may reshape it.
#pragma once

#include <cstdint>
#include <newsdb/article.hpp>
#include <newsdb/diagnostic.hpp>
#include <newsdb/error.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace newsdb {

enum class FileOutcome { kImported, kSkipped, kFailed };

// What the store remembers of one input file (or archive member, or URL).
struct ImportRecord {
  std::string path;
  std::int64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string content_hash;
  FileOutcome outcome = FileOutcome::kImported;
};

// One parsed input, ready to be written in input order.
struct ParsedFile {
  ImportRecord record;
  std::vector<Article> articles;        // in input order; the last one with a URL wins
  std::vector<Diagnostic> diagnostics;  // recorded as import errors when outcome is kFailed
};

struct WriteCounts {
  std::int64_t added = 0;      // articles new to the store
  std::int64_t updated = 0;    // existing articles whose content changed
  std::int64_t unchanged = 0;  // existing articles with the same content
};

class ArticleWriter {
 public:
  virtual ~ArticleWriter() = default;

  // The stored records for `paths`, in the same order (nullopt where none).
  virtual Result<std::vector<std::optional<ImportRecord>>> lookup(
      std::span<const std::string> paths) = 0;

  // Writes one batch in one transaction: upserts articles by canonical URL (replacing topics,
  // images and related entries), updates the import records, and replaces each file's recorded
  // errors (cleared once a file imports). All or nothing.
  virtual Result<WriteCounts> write_batch(std::span<const ParsedFile> batch) = 0;
};

}  // namespace newsdb
