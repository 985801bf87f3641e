#include "store/refused_records.hpp"

#include <limits>
#include <optional>
#include <string>

namespace newsdb::store {
namespace {

std::string& refused_url() {
  static std::string url;
  return url;
}

constexpr std::size_t kNoArticle = std::numeric_limits<std::size_t>::max();

// The batch as a sequence of units, each written or refused on its own: one per article, and one
// for an input without articles (its record and diagnostics only).
class Isolation {
 public:
  Isolation(std::span<const ParsedFile> batch, const WriteAttempt& attempt)
      : batch_(batch),
        attempt_(attempt),
        first_(batch.size()),
        last_(batch.size()),
        file_refused_(batch.size(), false) {
    for (std::size_t f = 0; f < batch.size(); ++f) {
      first_[f] = units_.size();
      if (batch[f].articles.empty()) units_.push_back(Unit{f, kNoArticle});
      for (std::size_t a = 0; a < batch[f].articles.size(); ++a) units_.push_back(Unit{f, a});
      last_[f] = units_.size() - 1;
    }
    refused_.assign(units_.size(), false);
  }

  Result<WriteCounts> run(const Error& whole) {
    if (auto r = split(0, units_.size(), whole); !r) return std::unexpected(r.error());
    return counts_;
  }

 private:
  struct Unit {
    std::size_t file;
    std::size_t article;  // kNoArticle: the input has none
  };

  // Units [lo, hi) failed together with `error`, for a record's sake.
  Result<void> split(std::size_t lo, std::size_t hi, const Error& error) {
    if (hi - lo == 1) return refuse(lo, error);
    std::size_t mid = lo + (hi - lo) / 2;
    if (auto r = write(lo, mid); !r) return r;
    return write(mid, hi);
  }

  Result<void> write(std::size_t lo, std::size_t hi) {
    bool refused = false;
    auto counts = attempt_(part(lo, hi, nullptr), refused);
    if (counts) {
      counts_ += *counts;
      return {};
    }
    if (!refused) return std::unexpected(counts.error());
    return split(lo, hi, counts.error());
  }

  // Leaves unit `u` out, and writes what its input still needs recorded: the failure.
  Result<void> refuse(std::size_t u, const Error& error) {
    const Unit& unit = units_[u];
    // An input without articles refused: its record or diagnostics cannot be stored; that is not
    // one record's fault the rest of the batch could be kept from.
    if (unit.article == kNoArticle) return std::unexpected(error);
    const ParsedFile& file = batch_[unit.file];
    refused_[u] = true;
    file_refused_[unit.file] = true;
    Diagnostic why{file.record.path,
                   0,
                   0,
                   {},
                   "the store refused the article " + file.articles[unit.article].canonical_url +
                       " (" + error.message +
                       "); the input's other records are stored, and the next import retries it"};
    bool refused = false;
    auto logged = attempt_(part(u, u + 1, &why), refused);
    if (!logged) return std::unexpected(logged.error());
    counts_ += *logged;
    counts_.refused.push_back(std::move(why));
    return {};
  }

  // Units [lo, hi) as a batch: each input's share of its articles (refused ones left out), its
  // diagnostics with its first unit, its record with its last (failed once a unit was refused).
  std::vector<ParsedFile> part(std::size_t lo, std::size_t hi, const Diagnostic* why) const {
    std::vector<ParsedFile> out;
    for (std::size_t u = lo; u < hi; ++u) {
      const Unit& unit = units_[u];
      const ParsedFile& src = batch_[unit.file];
      if (u == lo || units_[u - 1].file != unit.file) {
        ParsedFile& c = out.emplace_back();
        c.record = src.record;
        c.content = src.content;
        c.tracked = src.tracked;
        c.first_part = src.first_part && u == first_[unit.file];
        if (u == first_[unit.file]) c.diagnostics = src.diagnostics;
      }
      ParsedFile& c = out.back();
      if (unit.article != kNoArticle && !refused_[u]) {
        c.articles.push_back(src.articles[unit.article]);
      }
      if (u == last_[unit.file]) {
        c.last_part = src.last_part;
        if (file_refused_[unit.file]) c.record.outcome = FileOutcome::kFailed;
      } else {
        c.last_part = false;
      }
    }
    if (why) out.back().diagnostics.push_back(*why);
    return out;
  }

  std::span<const ParsedFile> batch_;
  const WriteAttempt& attempt_;
  std::vector<Unit> units_;
  std::vector<std::size_t> first_, last_;  // each input's first and last unit
  std::vector<bool> refused_;              // by unit
  std::vector<bool> file_refused_;         // by input
  WriteCounts counts_;
};

}  // namespace

Result<WriteCounts> write_without_refused(std::span<const ParsedFile> batch,
                                          const WriteAttempt& attempt, const Error& whole) {
  return Isolation(batch, attempt).run(whole);
}

std::vector<ParsedFile> with_articles(std::span<const ParsedFile> batch,
                                      const std::function<bool(const Article&)>& keep) {
  std::vector<ParsedFile> out;
  out.reserve(batch.size());
  for (const ParsedFile& file : batch) {
    ParsedFile& c = out.emplace_back();
    c.record = file.record;
    c.content = file.content;
    c.first_part = file.first_part;
    c.last_part = file.last_part;
    c.tracked = file.tracked;
    c.diagnostics = file.diagnostics;
    for (const Article& a : file.articles) {
      if (keep(a)) c.articles.push_back(a);
    }
  }
  return out;
}

void refuse_url_for_tests(std::string url) {
  refused_url() = std::move(url);
}

bool refused_for_tests(const Article& article) {
  const std::string& url = refused_url();
  return !url.empty() && article.canonical_url == url;
}

}  // namespace newsdb::store
