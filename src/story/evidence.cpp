#include "story/evidence.hpp"

#include <cmath>
#include <cstdlib>

namespace newsdb::story {
namespace {

constexpr double kMinShingleJaccard = 0.6;
// Same headline, but excerpts this far apart are two events under one stock headline
// ("Coronavirus: what you need to know today").
constexpr double kMaxContradictingCosine = 0.3;
constexpr double kMinContentCosine = 0.5;
constexpr double kMinTitleCosine = 0.3;
constexpr std::size_t kMinSharedEntities = 2;
// Short texts (a video's title and a line of hashtags) reach any cosine with a few words.
constexpr std::size_t kMinSharedContent = 6;

std::size_t shared(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  std::size_t n = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++n, ++i, ++j;
    }
  }
  return n;
}

double cosine(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  if (a.empty() || b.empty()) return 0;
  return static_cast<double>(shared(a, b)) / std::sqrt(static_cast<double>(a.size() * b.size()));
}

double jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  auto n = shared(a, b);
  auto all = a.size() + b.size() - n;
  return all == 0 ? 0 : static_cast<double>(n) / static_cast<double>(all);
}

// Undated articles are within every window: their time is unknown, not far.
bool within(const StoryDoc& a, const StoryDoc& b, std::chrono::seconds window) {
  if (!a.time || !b.time) return true;
  auto gap = *a.time - *b.time;
  return std::chrono::abs(gap) <= window;
}

}  // namespace

Match compare(const StoryDoc& a, const StoryDoc& b) {
  if (shared(a.url_keys, b.url_keys) > 0) return {Evidence::kSameReport, 1};
  double content = cosine(a.content, b.content);
  if (within(a, b, kSyndicationWindow)) {
    bool both_excerpts = !a.excerpt_words.empty() && !b.excerpt_words.empty();
    if (a.headline != 0 && a.headline == b.headline &&
        !(both_excerpts && cosine(a.excerpt_words, b.excerpt_words) < kMaxContradictingCosine)) {
      return {Evidence::kSyndicated, 1 + content};
    }
    if (a.shingles.size() >= kMinShingles && b.shingles.size() >= kMinShingles) {
      double j = jaccard(a.shingles, b.shingles);
      if (j >= kMinShingleJaccard) return {Evidence::kSyndicated, j};
    }
  }
  if (within(a, b, kSimilarWindow) && content >= kMinContentCosine &&
      shared(a.content, b.content) >= kMinSharedContent &&
      cosine(a.title_words, b.title_words) >= kMinTitleCosine &&
      shared(a.entities, b.entities) >= kMinSharedEntities) {
    return {Evidence::kSimilar, content};
  }
  return {};
}

}  // namespace newsdb::story
