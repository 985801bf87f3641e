// `import --dry-run`: counts what an import would add, update and leave unchanged, writing
// nothing. Articles are compared with the stored content hashes, and with the versions met
// earlier in the same run (so a URL seen twice counts as the real import would count it).
//
// Memory: one 16-byte slot per distinct URL of the run (a 64-bit digest of the canonical URL and
// one of the version last met: digest_map.hpp), whatever the URLs' length; about 32 MB at a
// million articles. Everything else is held for one batch. Two URLs whose 64-bit digests collide
// (odds about n^2 / 2^65: 3e-8 at a million URLs) would count the second as a version of the
// first (updated or unchanged instead of new); the counts are a dry run's, and the real import
// compares whole URLs.
#pragma once

#include <cstdint>
#include <newsdb/article_writer.hpp>
#include <string>

#include "ingest/digest_map.hpp"
#include "store/parsed_file.hpp"

namespace newsdb::ingest {

class DryRunCounter {
 public:
  // `store` may be null: a dry run into a database that does not exist yet (all is new).
  explicit DryRunCounter(ArticleWriter* store) : store_(store) {}

  Result<WriteCounts> count(std::span<const ParsedFile> batch);

  // The URLs met so far and the bytes held for them: for tests of the bound above.
  std::size_t urls_held() const { return versions_.size(); }
  std::size_t bytes_held() const { return versions_.bytes(); }

 private:
  ArticleWriter* store_;
  // Canonical URL digest -> digest of the version last met (kNotStored: none yet).
  DigestMap versions_;
};

}  // namespace newsdb::ingest
