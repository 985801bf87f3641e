#include "store/postgres/search_text.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "store/name_key.hpp"
#include "store/search/index_tokens.hpp"
#include "store/search/search_query.hpp"
#include "store/search/word_scan.hpp"

namespace newsdb::postgres {
namespace {

constexpr std::size_t kFieldBytes = 100'000;
constexpr std::size_t kLiteralBytes = 768 * 1024;  // PostgreSQL refuses tsvectors over 1 MB
constexpr std::size_t kLexemeBytes = 2046;         // and lexemes over 2 KB
constexpr int kMaxPosition = 16383;                // positions beyond are clamped by PostgreSQL
constexpr std::size_t kPositionsPerLexeme = 256;          // and extra positions dropped
constexpr int kFieldGap = 8;                       // positions between two fields

bool is_ascii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// A position as tsvector stores it: the weight in the top two bits (A = 3 ... D = 0), the
// position in the low fourteen.
std::uint16_t word_entry_pos(int position, char weight) {
  return static_cast<std::uint16_t>(((3 - (weight - 'A')) << 14) | position);
}

char weight_letter(std::uint16_t entry) { return static_cast<char>('A' + 3 - (entry >> 14)); }

// Lower-cases `raw` into `out` (reusing its buffer): ASCII inline, the rest by name_key.
void fold_token(std::string_view raw, std::string& out) {
  if (!is_ascii(raw)) {
    out = store::name_key(raw);
    return;
  }
  out.resize(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    out[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
  }
}

// Collects each lexeme's positions in one flat list (lexemes numbered as first met) and sorts
// them by lexeme only at the end. Built for the import, where it cuts every article's text: the
// lexemes' bytes live in one buffer, found through an open-addressing table of their numbers, and
// one builder per thread is reused from article to article, so a vector costs no allocation once
// the buffers have grown to the largest article's size.
class VectorBuilder {
 public:
  void reset() {
    for (const Lexeme& lexeme : lexemes_) table_[lexeme.slot] = 0;
    if (table_.size() > kLargeTable) table_.assign(kInitialTable, 0);
    lexemes_.clear();
    positions_.clear();
    words_.clear();
    position_ = 1;
    bytes_ = 0;
    full_ = false;
  }

  void field(std::string_view text, char weight) {
    if (text.size() > kFieldBytes) text = text.substr(0, kFieldBytes);
    // The words, folded into one buffer (spans into it), then the index tokens made from them.
    folded_.clear();
    spans_.clear();
    search::scan_words(text, [&](std::size_t start, std::size_t end) {
      fold_token(text.substr(start, end - start), token_);
      spans_.push_back(Span{folded_.size(), token_.size(), start, end});
      folded_ += token_;
    });
    words_of_field_.clear();
    for (const Span& s : spans_) {
      words_of_field_.push_back(
          search::BaseToken{std::string_view(folded_).substr(s.at, s.size), s.start, s.end});
    }
    Sink sink(*this, weight);
    search::index_tokens(text, words_of_field_, sink);
    position_ += kFieldGap;
  }

  // One index token at the next position (a word) or at the current one (a stem, a joined form).
  void add(std::string_view token, char weight, bool next) {
    if (next) ++position_;
    int at = std::min(position_ - 1, kMaxPosition);
    if (full_ || token.size() > kLexemeBytes) return;
    std::uint32_t id = find_or_add(token);
    Lexeme& lexeme = lexemes_[id];
    // Past the last position every token lands on it: the server keeps one (the first, whose
    // weight is the highest), and tsvector's binary form requires increasing positions.
    if (lexeme.count >= kPositionsPerLexeme || (lexeme.count > 0 && lexeme.last == at)) return;
    ++lexeme.count;
    lexeme.last = at;
    positions_.push_back(Position{id, word_entry_pos(at, weight)});
    bytes_ += 7;
    full_ = bytes_ > kLiteralBytes;
  }

  SearchVector build() {
    // Sorted lexemes: the order tsvector keeps them in (bytewise, a prefix first).
    order_.resize(lexemes_.size());
    for (std::uint32_t i = 0; i < order_.size(); ++i) order_[i] = i;
    // Compared by their first eight bytes first (as a big-endian number, zero-padded: tokens hold
    // no zero byte, so a shorter word sorts before the longer ones it begins).
    std::sort(order_.begin(), order_.end(), [&](std::uint32_t a, std::uint32_t b) {
      if (lexemes_[a].prefix != lexemes_[b].prefix) return lexemes_[a].prefix < lexemes_[b].prefix;
      return word(a) < word(b);
    });
    // Each lexeme's slot in the sorted position list (positions stay in increasing order), and
    // the size of the whole vector.
    std::size_t offset = 0;
    std::size_t size = 4;
    for (std::uint32_t id : order_) {
      lexemes_[id].offset = static_cast<std::uint32_t>(offset);
      offset += lexemes_[id].count;
      size += lexemes_[id].size + 3 + 2 * std::size_t{lexemes_[id].count};
    }
    sorted_.resize(positions_.size());
    for (const Position& p : positions_) sorted_[lexemes_[p.lexeme].offset++] = p.entry;

    SearchVector out;
    out.binary.resize(size);
    char* at = out.binary.data();
    auto put16 = [&](std::uint32_t v) {
      *at++ = static_cast<char>(v >> 8);
      *at++ = static_cast<char>(v);
    };
    put16(static_cast<std::uint32_t>(order_.size()) >> 16);
    put16(static_cast<std::uint32_t>(order_.size()));
    const std::uint16_t* next = sorted_.data();
    for (std::uint32_t id : order_) {
      const Lexeme& lexeme = lexemes_[id];
      std::string_view w = word(id);
      out.ascii = out.ascii && is_ascii(w);
      at = std::copy(w.begin(), w.end(), at);
      *at++ = '\0';
      put16(lexeme.count);
      for (std::uint32_t i = 0; i < lexeme.count; ++i) put16(*next++);
    }
    return out;
  }

 private:
  static constexpr std::size_t kInitialTable = 1024;  // a power of two
  static constexpr std::size_t kLargeTable = 64 * 1024;

  struct Lexeme {
    std::uint32_t start;   // where its bytes start in words_
    std::uint32_t size;
    std::uint32_t hash;
    std::uint64_t prefix;  // its first eight bytes, big-endian, zero-padded
    std::uint32_t slot;    // its place in table_
    std::uint32_t count = 0;   // positions kept
    int last = 0;              // the last position kept
    std::uint32_t offset = 0;  // build(): where its positions go in the sorted list
  };
  struct Position {
    std::uint32_t lexeme;
    std::uint16_t entry;
  };

  std::string_view word(std::uint32_t id) const {
    return std::string_view(words_).substr(lexemes_[id].start, lexemes_[id].size);
  }

  static std::uint64_t prefix_of(std::string_view word) {
    std::uint64_t prefix = 0;
    for (std::size_t i = 0; i < 8; ++i) {
      prefix = (prefix << 8) | (i < word.size() ? static_cast<unsigned char>(word[i]) : 0u);
    }
    return prefix;
  }

  static std::uint32_t hash_of(std::string_view word) {
    std::uint32_t h = 2166136261u;  // FNV-1a
    for (unsigned char c : word) h = (h ^ c) * 16777619u;
    return h;
  }

  // The number of lexeme `word`, added if new. table_ holds numbers + 1 (0: free); kept at most
  // half full, so a search ends at a free slot.
  std::uint32_t find_or_add(std::string_view word) {
    if (2 * (lexemes_.size() + 1) > table_.size()) grow();
    const std::uint32_t hash = hash_of(word);
    const std::size_t mask = table_.size() - 1;
    std::size_t slot = hash & mask;
    for (; table_[slot] != 0; slot = (slot + 1) & mask) {
      std::uint32_t id = table_[slot] - 1;
      if (lexemes_[id].hash == hash && this->word(id) == word) return id;
    }
    const auto id = static_cast<std::uint32_t>(lexemes_.size());
    lexemes_.push_back(Lexeme{static_cast<std::uint32_t>(words_.size()),
                              static_cast<std::uint32_t>(word.size()), hash, prefix_of(word),
                              static_cast<std::uint32_t>(slot)});
    words_ += word;
    table_[slot] = id + 1;
    bytes_ += word.size() + 4;
    return id;
  }

  void grow() {
    table_.assign(std::max(kInitialTable, 2 * table_.size()), 0);
    const std::size_t mask = table_.size() - 1;
    for (std::uint32_t id = 0; id < lexemes_.size(); ++id) {
      std::size_t slot = lexemes_[id].hash & mask;
      while (table_[slot] != 0) slot = (slot + 1) & mask;
      table_[slot] = id + 1;
      lexemes_[id].slot = static_cast<std::uint32_t>(slot);
    }
  }

  std::vector<std::uint32_t> table_;
  std::vector<Lexeme> lexemes_;
  std::string words_;
  std::vector<Position> positions_;
  std::vector<std::uint32_t> order_;
  std::vector<std::uint16_t> sorted_;
  std::string token_;
  struct Span {
    std::size_t at, size, start, end;
  };
  std::string folded_;
  std::vector<Span> spans_;
  std::vector<search::BaseToken> words_of_field_;

  class Sink final : public search::TokenSink {
   public:
    Sink(VectorBuilder& builder, char weight) : builder_(builder), weight_(weight) {}
    bool token(std::string_view text, std::size_t, std::size_t, search::TokenRole role) override {
      builder_.add(text, weight_, role == search::TokenRole::kWord);
      return true;
    }

   private:
    VectorBuilder& builder_;
    char weight_;
  };
  int position_ = 1;
  std::size_t bytes_ = 0;
  bool full_ = false;
};

std::uint32_t get_big_endian(std::string_view in, std::size_t& at, int bytes) {
  std::uint32_t value = 0;
  for (int i = 0; i < bytes; ++i) value = (value << 8) | static_cast<unsigned char>(in[at++]);
  return value;
}

}  // namespace

std::vector<std::string> search_tokens(std::string_view text) { return search::query_tokens(text); }

SearchVector search_vector(std::string_view title, std::string_view excerpt,
                           std::string_view topics_text, std::string_view body) {
  thread_local VectorBuilder builder;
  builder.reset();
  builder.field(title, 'A');
  builder.field(excerpt, 'B');
  builder.field(topics_text, 'C');
  builder.field(body, 'D');
  return builder.build();
}

std::string SearchVector::literal() const {
  std::string out;
  std::size_t at = 0;
  std::uint32_t lexemes = get_big_endian(binary, at, 4);
  for (std::uint32_t l = 0; l < lexemes; ++l) {
    std::size_t end = binary.find('\0', at);
    // Tokens are word characters and kTokenPunctuation: nothing in them needs escaping.
    if (!out.empty()) out += ' ';
    out.append("'").append(binary, at, end - at).append("':");
    at = end + 1;
    std::uint32_t positions = get_big_endian(binary, at, 2);
    for (std::uint32_t i = 0; i < positions; ++i) {
      auto entry = static_cast<std::uint16_t>(get_big_endian(binary, at, 2));
      if (i > 0) out += ',';
      out += std::to_string(entry & 0x3FFF);
      out += weight_letter(entry);
    }
  }
  return out;
}

namespace {

// A lexeme as tsquery text. Tokens hold no quote or backslash (words, pairs and joined forms are
// letters, digits and kTokenPunctuation), but they are escaped all the same.
void lexeme(std::string& out, std::string_view token) {
  out += '\'';
  for (char c : token) {
    if (c == '\'' || c == '\\') out += c;
    out += c;
  }
  out += '\'';
}

std::string unit_query(const search::MatchUnit& unit) {
  std::string core;
  for (std::size_t i = 0; i < unit.phrase.size(); ++i) {
    if (i) core += " <-> ";
    if (unit.phrase[i].size() > kLexemeBytes) return "";
    lexeme(core, unit.phrase[i]);
  }
  if (unit.prefix) core += ":*";
  if (unit.phrase.size() > 1) core = "(" + core + ")";
  if (!unit.alternatives.empty()) {
    std::string either = "(" + core;
    for (const auto& alt : unit.alternatives) {
      either += " | ";
      lexeme(either, alt);
    }
    core = either + ")";
  }
  if (!unit.joined.empty()) {
    std::string both = "(" + core;
    for (const auto& j : unit.joined) {
      both += " & ";
      lexeme(both, j);
    }
    core = both + ")";
  }
  return core;
}

}  // namespace

std::string tsquery_of(const search::SearchQuery& query) {
  std::string all;
  for (const auto& alternatives : query.all) {
    std::string clause;
    for (const auto& unit : alternatives) {
      std::string u = unit_query(unit);
      if (u.empty()) continue;
      clause += clause.empty() ? u : " | " + u;
    }
    if (clause.empty()) return "";  // a word longer than any lexeme: nothing can match
    if (!all.empty()) all += " & ";
    all += alternatives.size() > 1 ? "(" + clause + ")" : clause;
  }
  std::string none;
  for (const auto& unit : query.none) {
    std::string u = unit_query(unit);
    if (!u.empty()) none += none.empty() ? u : " | " + u;
  }
  if (none.empty()) return all;
  return "(" + all + ") & !(" + none + ")";
}

Result<std::string> words_query(std::string_view text) {
  auto query = search::parse_search(text);
  if (!query) return std::unexpected(query.error());
  return tsquery_of(*query);
}

}  // namespace newsdb::postgres
