#include "store/search/search_query.hpp"

#include <algorithm>
#include <optional>

#include "store/name_key.hpp"
#include "store/search/index_tokens.hpp"
#include "store/search/word_scan.hpp"

namespace newsdb::search {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

struct Collected {
  std::string text;
  std::size_t start;
  std::size_t end;
  TokenRole role;
};

class CollectingSink final : public TokenSink {
 public:
  bool token(std::string_view text, std::size_t start, std::size_t end, TokenRole role) override {
    tokens.push_back(Collected{std::string(text), start, end, role});
    return true;
  }
  std::vector<Collected> tokens;
};

// The index tokens of a piece of query text, its words folded as name_key folds them.
std::vector<Collected> tokens_of(std::string_view text) {
  std::vector<std::string> folded;
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  scan_words(text, [&](std::size_t start, std::size_t end) {
    folded.push_back(store::name_key(text.substr(start, end - start)));
    spans.emplace_back(start, end);
  });
  std::vector<BaseToken> words;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    words.push_back(BaseToken{folded[i], spans[i].first, spans[i].second});
  }
  CollectingSink sink;
  index_tokens(text, words, sink);
  return std::move(sink.tokens);
}

// A word as typed (no spaces): nullopt when it holds no word at all.
std::optional<MatchUnit> word_unit(std::string_view chunk) {
  bool prefix = false;
  while (!chunk.empty() && chunk.back() == '*') {
    chunk.remove_suffix(1);
    prefix = true;
  }
  auto tokens = tokens_of(chunk);
  MatchUnit unit;
  const Collected* first = nullptr;
  const Collected* last = nullptr;
  for (const auto& t : tokens) {
    if (t.role != TokenRole::kWord) continue;
    unit.phrase.push_back(t.text);
    if (!first) first = &t;
    last = &t;
  }
  if (unit.phrase.empty()) return std::nullopt;
  if (prefix) {
    unit.prefix = true;
    return unit;
  }
  for (const auto& t : tokens) {
    if (t.role != TokenRole::kJoined) continue;
    if (t.start <= first->start && t.end >= last->end) {
      // The whole word is one joined token (C++, COVID-19): it is matched as written.
      return MatchUnit{{t.text}, false, {}, {}};
    }
    unit.joined.push_back(t.text);
  }
  if (unit.phrase.size() == 1 && unit.joined.empty()) {
    if (auto stem = english_stem(chunk.substr(first->start, first->end - first->start))) {
      unit.alternatives.push_back(std::string(1, kStemMarker) + *stem);
      if (*stem != unit.phrase[0]) unit.alternatives.push_back(*stem);
    }
  }
  return unit;
}

// A quoted phrase: its words exactly as written, in order.
std::optional<MatchUnit> phrase_unit(std::string_view quoted) {
  MatchUnit unit;
  auto tokens = tokens_of(quoted);
  for (const auto& t : tokens) {
    if (t.role == TokenRole::kWord) unit.phrase.push_back(t.text);
    if (t.role == TokenRole::kJoined) unit.joined.push_back(t.text);
  }
  if (unit.phrase.empty()) return std::nullopt;
  if (unit.phrase.size() == 1 && unit.joined.size() == 1) return MatchUnit{unit.joined, false, {}, {}};
  return unit;
}

}  // namespace

std::vector<std::string> query_tokens(std::string_view text) {
  std::vector<std::string> out;
  for (auto& t : tokens_of(text)) {
    if (t.role == TokenRole::kWord) out.push_back(std::move(t.text));
  }
  return out;
}

Result<SearchQuery> parse_search(std::string_view text) {
  SearchQuery query;
  bool pending_or = false;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    if (i == text.size()) break;
    bool exclude = false;
    if (text[i] == '-' && i + 1 < text.size() && !is_space(text[i + 1])) {
      exclude = true;
      ++i;
    }
    std::optional<MatchUnit> unit;
    if (text[i] == '"') {
      std::size_t close = text.find('"', i + 1);
      if (close == std::string_view::npos) close = text.size();
      unit = phrase_unit(text.substr(i + 1, close - i - 1));
      i = close == text.size() ? close : close + 1;
    } else {
      std::size_t end = i;
      while (end < text.size() && !is_space(text[end])) ++end;
      std::string_view chunk = text.substr(i, end - i);
      i = end;
      if (chunk == "OR" && !exclude && !query.all.empty() && !pending_or) {
        pending_or = true;
        continue;
      }
      unit = word_unit(chunk);
    }
    if (!unit) continue;  // punctuation only
    if (exclude) {
      query.none.push_back(std::move(*unit));
    } else if (pending_or) {
      query.all.back().push_back(std::move(*unit));
      pending_or = false;
    } else {
      query.all.push_back({std::move(*unit)});
    }
  }
  if (pending_or) query.all.push_back({*word_unit("or")});  // "a OR": a trailing OR is a word
  if (query.all.empty()) {
    const std::string shown(text);
    if (!query.none.empty()) {
      return fail(ErrorKind::kInvalidInput,
                  "the search \"" + shown +
                      "\" only excludes words (-word): add a word to look for, e.g. "
                      "newsdb search election -france");
    }
    return fail(ErrorKind::kInvalidInput,
                "the search \"" + shown +
                    "\" has no words to look for (punctuation alone is not searched); give a "
                    "word, e.g. newsdb search \"C++\", or pass --raw to use the full-text syntax");
  }
  return query;
}

}  // namespace newsdb::search
