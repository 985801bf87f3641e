// What the full-text index holds for a text, the same on every backend: the words a backend cut
// and folded (base tokens) become index tokens here.
//
// - A word in a script written without spaces between words (Han, Hiragana, Katakana, Hangul,
//   Thai, Lao, Khmer, Myanmar) becomes its overlapping pairs of characters, one position each
//   ("観光客が" -> 観光 光客 客が): a word of the query is then the phrase of its pairs, found
//   wherever it stands in a run, whatever the particles around it (서울 finds 서울에서). A run of
//   one character is itself. Why pairs and not a dictionary segmenter: docs/search.md.
// - Any other word is itself; a word written in ASCII letters also gets its English (Snowball)
//   stem at the same position, marked with kStemMarker ("elections" -> ~elect) when it differs,
//   so that a search can match every inflection and still rank the exact form first.
// - Words joined by punctuation that makes a token (C++, C#, .NET, U.S., COVID-19, 9/11, AT&T,
//   x.com) also give the joined form, folded (c++, covid-19), at the first word's position: a
//   search for "C++" matches it and not every "C".
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace newsdb::search {

// Starts a stem token; never part of a word or a joined form.
constexpr char kStemMarker = '~';
// The characters that join words into one token (besides a leading '.' and trailing '+'/'#').
constexpr std::string_view kJoiners = ".-/&";
// Every character an index token may hold besides word characters: what the SQLite query
// tokenizer keeps inside a token.
constexpr std::string_view kTokenPunctuation = "+#.-/&~";

struct BaseToken {
  std::string_view folded;  // the word, folded as the backend folds (case; accents on SQLite)
  std::size_t start = 0;    // where it stands in the text (bytes, end exclusive)
  std::size_t end = 0;
};

enum class TokenRole {
  kWord,    // a word or a character pair: the next position
  kStem,    // the previous word's stem, at its position
  kJoined,  // a joined form starting at the previous word, at its position
};

class TokenSink {
 public:
  virtual ~TokenSink() = default;
  // One index token; `start`/`end` locate it in the text. Returns false to stop.
  virtual bool token(std::string_view text, std::size_t start, std::size_t end,
                     TokenRole role) = 0;
};

// The index tokens of `text`, whose words (in order) are `words`. Stops when the sink does.
// Thread-safe.
void index_tokens(std::string_view text, std::span<const BaseToken> words, TokenSink& sink);

// Whether the code point belongs to a script written without spaces between words.
bool spaceless_script(char32_t c);
// Whether `folded` holds any such code point.
bool has_spaceless(std::string_view folded);

// The English stem of a word written in ASCII letters (`original`, as in the text), without the
// marker; nullopt for any other word. Thread-safe.
std::optional<std::string> english_stem(std::string_view original);

// Calls `emit(piece, byte offset in folded)` for each index token of a word in a spaceless script
// (pairs of characters; runs of other characters inside it whole). Returns false if it stopped.
template <typename Emit>
bool spaceless_pieces(std::string_view folded, Emit&& emit);

}  // namespace newsdb::search

#include "store/search/spaceless_pieces.inl"
