#include "story/story_grouper.hpp"

namespace newsdb::story {

std::optional<std::int64_t> choose_story(const StoryDoc& doc,
                                         std::span<const Candidate> candidates) {
  std::optional<std::int64_t> best;
  Match best_match;
  for (const auto& c : candidates) {
    Match m = compare(doc, c.doc);
    if (m.evidence == Evidence::kNone) continue;
    bool better =
        !best || m.evidence > best_match.evidence ||
        (m.evidence == best_match.evidence &&
         (m.score > best_match.score || (m.score == best_match.score && c.story_id < *best)));
    if (better) {
      best = c.story_id;
      best_match = m;
    }
  }
  return best;
}

}  // namespace newsdb::story
