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
  // Each canonical URL is hashed once: its digest is kept for the batch, in article order.
  std::vector<std::uint64_t> url_digests;
  // The URLs this run has not met yet, asked of the store in one go.
  std::vector<std::string> unknown;
  std::vector<std::uint64_t> unknown_digests;
  for (const auto& file : batch) {
    for (const auto& a : file.articles) {
      std::uint64_t d = url_digests.emplace_back(digest(a.canonical_url));
      bool inserted = false;
      versions_.find_or_insert(d, inserted);
      if (!inserted) continue;
      unknown.push_back(a.canonical_url);
      unknown_digests.push_back(d);
    }
  }
  if (store_ && !unknown.empty()) {
    auto stored = store_->stored_hashes(unknown);
    if (!stored) return std::unexpected(stored.error());
    for (std::size_t i = 0; i < unknown.size(); ++i) {
      if (!(*stored)[i]) continue;
      bool inserted = false;
      versions_.find_or_insert(unknown_digests[i], inserted) = digest(*(*stored)[i]);
    }
  }
  WriteCounts counts;
  std::size_t next = 0;
  for (const auto& file : batch) {
    for (const auto& a : file.articles) {
      bool inserted = false;
      std::uint64_t& current = versions_.find_or_insert(url_digests[next++], inserted);
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
