#include "story/story_title.hpp"

#include <map>

#include "story/story_text.hpp"

namespace newsdb::story {

std::string representative_title(std::span<const std::string> titles) {
  struct Seen {
    std::size_t count = 0;
    std::size_t first = 0;
  };
  std::map<std::string, Seen> keys;
  for (std::size_t i = 0; i < titles.size(); ++i) {
    auto [it, added] = keys.try_emplace(headline_key(titles[i]), Seen{0, i});
    ++it->second.count;
  }
  const Seen* best = nullptr;
  for (const auto& [key, seen] : keys) {
    if (!best || seen.count > best->count ||
        (seen.count == best->count && seen.first < best->first)) {
      best = &seen;
    }
  }
  return best ? titles[best->first] : std::string();
}

}  // namespace newsdb::story
