#include "store/sqlite/article_writer.hpp"

namespace newsdb::sqlite {

// STUB: implemented by the store/import work (issue 3).
Result<std::vector<std::optional<ImportRecord>>> SqliteArticleWriter::lookup(
    std::span<const std::string> paths) {
  return std::vector<std::optional<ImportRecord>>(paths.size());
}

Result<WriteCounts> SqliteArticleWriter::write_batch(std::span<const ParsedFile>) {
  return fail(ErrorKind::kUnsupported, "import is not implemented yet");
}

}  // namespace newsdb::sqlite
