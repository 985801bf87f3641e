#include "story/story_doc.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <string>

#include "story/outlet_url.hpp"
#include "story/story_text.hpp"

namespace newsdb::story {
namespace {

constexpr std::size_t kShingleWords = 3;
// Content words are cut to this many bytes: a crude stem ("elections", "election" -> "electio").
constexpr std::size_t kStemBytes = 7;
constexpr int kBands = 4;
constexpr int kRowsPerBand = 2;
constexpr std::size_t kMaxUrlKeys = kMaxIndexKeys - 1 - 2 * kBands;

enum KeyKind : std::uint64_t { kUrlKey = 1, kHeadlineKey = 2, kShingleBand = 3, kContentBand = 4 };

void sort_unique(std::vector<std::uint64_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// The words of `text` that carry content, stemmed and hashed; names (a capital first letter in
// the original) go to `entities` as well.
void content_words(std::string_view text, std::vector<std::uint64_t>& out,
                   std::vector<std::uint64_t>& entities) {
  std::vector<bool> capitalised;
  auto ws = words(text, &capitalised);
  for (std::size_t i = 0; i < ws.size(); ++i) {
    const auto& w = ws[i];
    if (w.size() < 3 || is_stopword(w)) continue;
    auto h = hash_text(std::string_view(w.data(), std::min(w.size(), kStemBytes)));
    out.push_back(h);
    if (capitalised[i]) entities.push_back(h);
  }
}

std::uint64_t mix(std::uint64_t x) {
  // splitmix64's finaliser: a cheap, well-spread permutation for the MinHash functions.
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

void add_bands(const std::vector<std::uint64_t>& set, KeyKind kind,
               std::vector<std::uint64_t>& keys) {
  std::array<std::uint64_t, kBands * kRowsPerBand> mins;
  mins.fill(std::numeric_limits<std::uint64_t>::max());
  for (auto h : set) {
    for (std::size_t i = 0; i < mins.size(); ++i) {
      mins[i] = std::min(mins[i], mix(h ^ (0x9e3779b97f4a7c15ULL * (i + 1))));
    }
  }
  for (int b = 0; b < kBands; ++b) {
    std::uint64_t band = mix(kind * 1000003 + static_cast<std::uint64_t>(b));
    for (int r = 0; r < kRowsPerBand; ++r) band = mix(band ^ mins[b * kRowsPerBand + r]);
    keys.push_back(band);
  }
}

}  // namespace

StoryDoc story_doc(const ArticleFields& a) {
  StoryDoc doc;
  // The article's own address only: feeds give entries of a live page the page's AMP address,
  // which would make every entry one report.
  if (!a.primary_url().empty()) {
    if (auto key = outlet_url_key(a.primary_url())) doc.url_keys.push_back(hash_text(*key));
  }
  sort_unique(doc.url_keys);

  auto headline = headline_key(a.title);
  if (std::count(headline.begin(), headline.end(), ' ') + 1 >=
      static_cast<std::ptrdiff_t>(kMinHeadlineWords)) {
    doc.headline = hash_text(headline, kHeadlineKey);
  }

  if (a.excerpt) {
    auto ws = words(*a.excerpt);
    for (std::size_t i = 0; i + kShingleWords <= ws.size(); ++i) {
      std::string shingle = ws[i] + ' ' + ws[i + 1] + ' ' + ws[i + 2];
      doc.shingles.push_back(hash_text(shingle));
    }
    sort_unique(doc.shingles);
    content_words(*a.excerpt, doc.excerpt_words, doc.entities);
    sort_unique(doc.excerpt_words);
  }
  content_words(a.title, doc.title_words, doc.entities);
  sort_unique(doc.title_words);
  doc.content = doc.excerpt_words;
  doc.content.insert(doc.content.end(), doc.title_words.begin(), doc.title_words.end());
  sort_unique(doc.content);
  sort_unique(doc.entities);
  doc.time = a.published_date_time;
  return doc;
}

std::vector<std::uint64_t> index_keys(const StoryDoc& doc) {
  std::vector<std::uint64_t> keys;
  for (std::size_t i = 0; i < doc.url_keys.size() && i < kMaxUrlKeys; ++i) {
    keys.push_back(mix(doc.url_keys[i] ^ kUrlKey));
  }
  if (doc.headline != 0) keys.push_back(mix(doc.headline ^ kHeadlineKey));
  if (doc.shingles.size() >= kMinShingles) add_bands(doc.shingles, kShingleBand, keys);
  if (!doc.content.empty()) add_bands(doc.content, kContentBand, keys);
  // Stored as signed 64-bit integers by the backends: any value will do.
  sort_unique(keys);
  return keys;
}

}  // namespace newsdb::story
