// One store per backend and test process, built from the query fixtures (tests/data/query), the
// samples and a synthetic corpus (tools/gen_corpus.py); plus the same files parsed on their
// own so that expected answers never come from the store. Used by the reader tests, which run the
// same checks on every backend of the run (support/backends.hpp):
//
//   for (const auto& backend : backends()) DYNAMIC_SECTION(backend) {
//     auto& fx = ReaderFixture::get(backend);
//     ...
//   }
#pragma once

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <newsdb/store.hpp>
#include <string>
#include <vector>

#include "support/backends.hpp"
#include "support/fixture_store.hpp"
#include "support/temp_dir.hpp"

namespace newsdb::test {

class ReaderFixture {
 public:
  // The fixture store on `backend` ("sqlite" or "postgresql"), built on first use.
  static ReaderFixture& get(const std::string& backend = "sqlite") {
    static std::map<std::string, std::unique_ptr<ReaderFixture>> fixtures;
    auto& fixture = fixtures[backend];
    if (!fixture) fixture.reset(new ReaderFixture(backend));
    return *fixture;
  }

  Store& store() { return fresh_.store(); }
  ArticleReader& reader() { return fresh_.store().reader(); }
  const std::string& backend() const { return backend_; }
  // The SQLite file or PostgreSQL URI of the store (what --db takes).
  const std::string& path() const { return fresh_.spec(); }
  // Every stored article as the parser read it (last record per URL).
  const std::vector<Article>& articles() const { return articles_; }

  const Article& by_url(const std::string& canonical) const {
    for (const auto& a : articles_) {
      if (a.canonical_url == canonical) return a;
    }
    throw std::runtime_error("no fixture article " + canonical);
  }

 private:
  explicit ReaderFixture(const std::string& backend) : backend_(backend), fresh_(backend) {
    std::vector<fs::path> inputs{fs::path(NEWSDB_TEST_DATA) / "query", fs::path(NEWSDB_SAMPLES)};
    inputs.push_back(generated_corpus(1200, 11));
    auto files = input_files(inputs);
    articles_ = deduplicated(parse_files(files));
    import_files(fresh_.store(), files);
  }

  std::string backend_;
  FreshStore fresh_;
  std::vector<Article> articles_;
};

// ASCII lower case: the fixtures' names that tests fold are ASCII.
inline std::string lower(std::string s) {
  for (auto& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// The order DESIGN.md asks for, written out independently of the store's SQL.
inline bool before(const Article& x, const Article& y, SortOrder sort) {
  auto by = [&](const auto& a, const auto& b, bool descending) {
    // Absent values last in either direction.
    if (a.has_value() != b.has_value()) return std::optional<bool>(a.has_value());
    if (a && *a != *b) return std::optional<bool>(descending ? *a > *b : *a < *b);
    return std::optional<bool>();
  };
  std::optional<bool> decided;
  switch (sort) {
    case SortOrder::kNewest:
      decided = by(x.published_date_time, y.published_date_time, true);
      break;
    case SortOrder::kOldest:
      decided = by(x.published_date_time, y.published_date_time, false);
      break;
    case SortOrder::kHeat:
      decided = by(x.heat, y.heat, true);
      break;
    case SortOrder::kQuality:
      decided = by(x.quality, y.quality, true);
      break;
    case SortOrder::kRelevance:
      break;
  }
  if (decided) return *decided;
  return x.canonical_url < y.canonical_url;
}

// The canonical URLs the store should return for `keep`, sorted and paged.
inline std::vector<std::string> expected_urls(const std::vector<Article>& all,
                                              const std::function<bool(const Article&)>& keep,
                                              SortOrder sort = SortOrder::kNewest,
                                              std::int64_t limit = 0, std::int64_t offset = 0) {
  std::vector<const Article*> matches;
  for (const auto& a : all) {
    if (keep(a)) matches.push_back(&a);
  }
  std::sort(matches.begin(), matches.end(),
            [&](const Article* x, const Article* y) { return before(*x, *y, sort); });
  std::vector<std::string> out;
  for (std::size_t i = static_cast<std::size_t>(offset); i < matches.size(); ++i) {
    if (limit > 0 && static_cast<std::int64_t>(out.size()) == limit) break;
    out.push_back(matches[i]->canonical_url);
  }
  return out;
}

inline std::vector<std::string> urls_of(const std::vector<StoredArticle>& found) {
  std::vector<std::string> out;
  for (const auto& s : found) out.push_back(s.article.canonical_url);
  return out;
}

inline bool has_topic(const Article& a, const std::string& name) {
  return std::any_of(a.topics.begin(), a.topics.end(),
                     [&](const std::string& t) { return lower(t) == lower(name); });
}

inline bool has_provider(const Article& a, const std::string& name) {
  return a.provider &&
         (lower(a.provider->name) == lower(name) || lower(a.provider->domain) == lower(name));
}

}  // namespace newsdb::test
