// Online grouping of articles into stories, one article at a time (single-pass clustering of a
// news stream, as in Miranda et al., EMNLP 2018): a new or changed article is compared with the
// few articles a candidate index returns for its keys within a time window, and joins the story
// of the one that shows the strongest evidence (evidence.hpp), or starts a story of its own.
// Stories are never merged afterwards: a wrong merge would be worse than a story shown twice.
//
// The cost per article is bounded: at most kMaxCandidates candidates, each compared once.
// Deterministic: the same documents in the same order give the same stories.
#pragma once

#include <cstdint>
#include <newsdb/error.hpp>
#include <optional>
#include <span>
#include <vector>

#include "story/evidence.hpp"
#include "story/story_doc.hpp"

namespace newsdb::story {

// How far from an article's time its candidates are looked for (its story's other reports).
inline constexpr auto kCandidateWindow = std::chrono::days{7};
inline constexpr std::size_t kMaxCandidates = 64;

struct Candidate {
  std::int64_t article_id = 0;
  std::int64_t story_id = 0;
  StoryDoc doc;
};

// Where the grouper finds the articles that share keys with a new one: a backend's table of
// (key, time, article) or, in tests, memory. Implementations return articles filed under any of
// `keys` whose time is within kCandidateWindow of `time` (any time for an undated article), at
// most kMaxCandidates of them, the article `exclude` left out, ordered by article id.
class CandidateIndex {
 public:
  virtual ~CandidateIndex() = default;
  virtual Result<std::vector<Candidate>> candidates(std::span<const std::uint64_t> keys,
                                                    std::optional<Timestamp> time,
                                                    std::int64_t exclude) = 0;
};

// The story `doc` belongs to among `candidates`: the strongest evidence, then the highest score,
// then the smallest story id. nullopt: it starts a story.
std::optional<std::int64_t> choose_story(const StoryDoc& doc,
                                         std::span<const Candidate> candidates);

}  // namespace newsdb::story
