#include "ingest/dry_run.hpp"

#include "store/content_hash.hpp"

namespace newsdb::ingest {

Result<WriteCounts> DryRunCounter::count(std::span<const ParsedFile> batch) {
  // The URLs this run has not met yet, asked of the store in one go.
  std::vector<std::string> unknown;
  for (const auto& file : batch) {
    for (const auto& a : file.articles) {
      if (!current_.contains(a.canonical_url)) {
        current_.emplace(a.canonical_url, "");
        unknown.push_back(a.canonical_url);
      }
    }
  }
  if (store_ && !unknown.empty()) {
    auto stored = store_->stored_hashes(unknown);
    if (!stored) return std::unexpected(stored.error());
    for (std::size_t i = 0; i < unknown.size(); ++i) {
      if ((*stored)[i]) current_[unknown[i]] = *(*stored)[i];
    }
  }
  WriteCounts counts;
  for (const auto& file : batch) {
    for (const auto& a : file.articles) {
      std::string& current = current_[a.canonical_url];
      std::string hash = store::article_content_hash(a);
      if (current.empty()) {
        ++counts.added;
      } else if (current == hash) {
        ++counts.unchanged;
      } else {
        ++counts.updated;
      }
      current = std::move(hash);
    }
  }
  return counts;
}

}  // namespace newsdb::ingest
