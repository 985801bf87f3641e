// Text as story grouping compares it: words folded to lower case, a headline without the outlet's
// name appended to it, and word sets hashed to 64 bits. Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsdb::story {

// The words of `text`: runs of letters and digits (any non-ASCII byte counts as a letter, so UTF-8
// words stay whole), ASCII folded to lower case, apostrophes inside a word dropped ("Biden's" ->
// "bidens"). Everything else separates words. `capitalised`, when given, receives per word
// whether it began with an ASCII capital letter in `text`.
std::vector<std::string> words(std::string_view text, std::vector<bool>* capitalised = nullptr);

// A headline without what outlets add to it: a trailing " | Raleigh News & Observer",
// " - BBC News", " — The Guardian" (the last such segment when it is at most five words and at
// least three words stay before it), then folded into its words joined by single spaces.
std::string headline_key(std::string_view title);

// Whether `word` (already folded) is an English function word that says nothing of the event.
bool is_stopword(std::string_view word);

// 64-bit hash of a text (xxHash3), seeded.
std::uint64_t hash_text(std::string_view text, std::uint64_t seed = 0);

}  // namespace newsdb::story
