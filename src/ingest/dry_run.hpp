// `import --dry-run`: counts what an import would add, update and leave unchanged, writing
// nothing. Articles are compared with the stored content hashes, and with the versions met
// earlier in the same run (so a URL seen twice counts as the real import would count it).
//
// Memory: the run's URLs and hashes are kept until the end (about 100 bytes per article), the
// price of exact counts without writing.
#pragma once

#include <newsdb/article_writer.hpp>
#include <string>
#include <unordered_map>

namespace newsdb::ingest {

class DryRunCounter {
 public:
  // `store` may be null: a dry run into a database that does not exist yet (all is new).
  explicit DryRunCounter(ArticleWriter* store) : store_(store) {}

  Result<WriteCounts> count(std::span<const ParsedFile> batch);

 private:
  ArticleWriter* store_;
  std::unordered_map<std::string, std::string> current_;  // URL -> hash ("" = not stored)
};

}  // namespace newsdb::ingest
