#include "ingest/dry_run.hpp"

#include <xxhash.h>

#include "store/content_hash.hpp"

namespace newsdb::ingest {
namespace {

// DigestMap's value for a URL the run has met that the store does not hold: the map's 0.
constexpr std::uint64_t kNotStored = 0;

std::uint64_t digest(std::string_view text) {
  std::uint64_t d = XXH3_64bits(text.data(), text.size());
  return d == kNotStored ? 1 : d;
}

}  // namespace

Result<WriteCounts> DryRunCounter::count(std::span<const ParsedFile> batch) {
  // The URLs this run has not met yet, asked of the store in one go.
  std::vector<std::string> unknown;
  for (const auto& file : batch) {
    for (const auto& a : file.articles) {
      bool inserted = false;
      versions_.find_or_insert(digest(a.canonical_url), inserted);
      if (inserted) unknown.push_back(a.canonical_url);
    }
  }
  if (store_ && !unknown.empty()) {
    auto stored = store_->stored_hashes(unknown);
    if (!stored) return std::unexpected(stored.error());
    for (std::size_t i = 0; i < unknown.size(); ++i) {
      bool inserted = false;
      if ((*stored)[i]) versions_.find_or_insert(digest(unknown[i]), inserted) = digest(*(*stored)[i]);
    }
  }
  WriteCounts counts;
  for (const auto& file : batch) {
    for (const auto& a : file.articles) {
      bool inserted = false;
      std::uint64_t& current = versions_.find_or_insert(digest(a.canonical_url), inserted);
      std::uint64_t version = digest(store::article_content_hash(a));
      if (current == kNotStored) {
        ++counts.added;
      } else if (current == version) {
        ++counts.unchanged;
      } else {
        ++counts.updated;
      }
      current = version;
    }
  }
  return counts;
}

}  // namespace newsdb::ingest
