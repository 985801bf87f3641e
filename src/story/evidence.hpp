// Whether two articles report one story, and how strongly that is shown. Rules, strongest first:
//   kSameReport   their own addresses (originalUrl, else webUrl) are one once the outlet's hosts
//                 and AMP forms are set aside
//   kSyndicated   the same headline (outlet suffix, case and punctuation aside) within
//                 kSyndicationWindow, unless both excerpts say different things
//                 (their content words' cosine < 0.3); or
//                 near-identical excerpts (word 3-shingle Jaccard >= 0.6) within the window
//   kSimilar      similar content within kSimilarWindow (one day): title + excerpt content words cosine
//                 >= 0.5 with at least six such words shared, headline words cosine >= 0.3 and
//                 at least two names in common
// Merging two different stories is worse than showing one twice: every threshold leans to
// "not the same". Pure, thread-safe.
#pragma once

#include <chrono>

#include "story/story_doc.hpp"

namespace newsdb::story {

enum class Evidence { kNone = 0, kSimilar = 1, kSyndicated = 2, kSameReport = 3 };

inline constexpr auto kSyndicationWindow = std::chrono::days{3};
inline constexpr auto kSimilarWindow = std::chrono::days{1};

struct Match {
  Evidence evidence = Evidence::kNone;
  double score = 0;  // within one evidence kind, larger is closer
};

Match compare(const StoryDoc& a, const StoryDoc& b);

}  // namespace newsdb::story
