// SQLite implementation of ArticleWriter (see <newsdb/article_writer.hpp>).
#pragma once

#include <newsdb/article_writer.hpp>

#include "store/sqlite/database.hpp"

namespace newsdb::sqlite {

class SqliteArticleWriter final : public ArticleWriter {
 public:
  explicit SqliteArticleWriter(Database& db) : db_(db) {}

  Result<std::vector<std::optional<ImportRecord>>> lookup(
      std::span<const std::string> paths) override;
  Result<WriteCounts> write_batch(std::span<const ParsedFile> batch) override;

 private:
  Database& db_;
};

}  // namespace newsdb::sqlite
