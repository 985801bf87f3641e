// A story's most representative headline: the headline most of its articles share (outlet
// suffix, case and punctuation aside: story_text.hpp), ties going to the earliest; given as the
// earliest article with it wrote it. Pure, thread-safe.
#pragma once

#include <span>
#include <string>

namespace newsdb::story {

// `titles` in the story's order, earliest first. "" for none.
std::string representative_title(std::span<const std::string> titles);

}  // namespace newsdb::story
