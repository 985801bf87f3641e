// `export --format frontmatter`: one frontmatter file per article in a folder, named from the
// title and a hash of the canonical URL (`rtx-4090-gpus-are-being-rebuilt-1f2e3d4c5b6a.md`), so
// the same article gets the same name on every export and from every store.
#pragma once

#include <filesystem>
#include <newsdb/article_reader.hpp>
#include <set>
#include <string>

namespace newsdb::cli {

// The file name for `article` (no folder).
std::string export_file_name(const Article& article);

class ExportFolder {
 public:
  // Creates `folder` (and parents) when missing.
  static Result<ExportFolder> open(const std::filesystem::path& folder);

  // Writes the article's file (through a temporary name, so no half-written file is left).
  Result<void> write(const StoredArticle& article);
  std::int64_t written() const { return written_; }

 private:
  explicit ExportFolder(std::filesystem::path folder) : folder_(std::move(folder)) {}
  std::filesystem::path folder_;
  std::set<std::string> used_;  // names written by this export (two titles may share a slug)
  std::int64_t written_ = 0;
};

}  // namespace newsdb::cli
