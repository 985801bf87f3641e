// What story grouping knows of one article (its "document"): the keys of its addresses, its
// headline, its excerpt's word shingles and its content words, each hashed; and the keys under
// which a candidate index files it. Built from the article's fields alone, so the same article
// gives the same document on every backend. Pure, thread-safe.
#pragma once

#include <cstdint>
#include <newsdb/article.hpp>
#include <optional>
#include <vector>

namespace newsdb::story {

struct StoryDoc {
  std::vector<std::uint64_t> url_keys;       // outlet_url_key of each URL field, sorted, unique
  std::uint64_t headline = 0;                // hash of headline_key; 0 when too short to tell
  std::vector<std::uint64_t> shingles;       // excerpt word 3-shingles, sorted, unique
  std::vector<std::uint64_t> content;        // title + excerpt content words, sorted, unique
  std::vector<std::uint64_t> excerpt_words;  // content words of the excerpt, sorted, unique
  std::vector<std::uint64_t> title_words;    // content words of the title alone, sorted, unique
  std::vector<std::uint64_t> entities;       // capitalised content words (names), sorted, unique
  std::optional<Timestamp> time;             // publishedDateTime
};

StoryDoc story_doc(const ArticleFields& article);

// Fewest words a headline needs for its hash to be evidence ("Live updates" is not).
inline constexpr std::size_t kMinHeadlineWords = 5;
// Fewest shingles an excerpt needs for near-identity to count.
inline constexpr std::size_t kMinShingles = 8;

// The keys under which the document is filed, each tagged with its kind so that kinds never
// collide: its URL keys, its headline, 4 MinHash bands of 2 over the shingles and 4 over the
// content words. At most kMaxIndexKeys, sorted, unique. Two documents that share a key are
// candidates for each other; only compare() (evidence.hpp) decides.
std::vector<std::uint64_t> index_keys(const StoryDoc& doc);
inline constexpr std::size_t kMaxIndexKeys = 13;

}  // namespace newsdb::story
