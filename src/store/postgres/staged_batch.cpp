#include "store/postgres/staged_batch.hpp"

#include <algorithm>
#include <map>
#include <newsdb/url.hpp>
#include <set>
#include <string_view>
#include <unordered_set>

#include "store/content_hash.hpp"
#include "store/name_key.hpp"
#include "store/postgres/search_text.hpp"
#include "store/refused_records.hpp"
#include "store/sqlite/import_log.hpp"
#include "store/sqlite/related_doc.hpp"

namespace newsdb::postgres {
namespace {

std::optional<std::int64_t> seconds(const std::optional<Timestamp>& t) {
  if (!t) return std::nullopt;
  return static_cast<std::int64_t>(t->time_since_epoch().count());
}

std::optional<std::string> key_of(const std::optional<std::string>& name) {
  if (!name) return std::nullopt;
  return store::name_key(*name);
}

// Unknown fields as JSON text; NULL when there are none (as the SQLite writer keeps them).
std::optional<std::string> extra_json(const Json& extra) {
  if (extra.is_null() || (extra.is_object() && extra.empty())) return std::nullopt;
  return extra.dump();
}

// The topic list exactly as written (JSON array; NULL when empty) and newline-joined for search.
std::optional<std::string> topics_json(const std::vector<std::string>& topics) {
  if (topics.empty()) return std::nullopt;
  return Json(topics).dump();
}

std::string topics_text(const std::vector<std::string>& topics) {
  std::string text;
  for (const auto& t : topics) {
    if (!text.empty()) text += '\n';
    text += t;
  }
  return text;
}

// The columns staging and final rows share, between their key and provider columns: title ..
// published.
void put_content(CopyBinary& row, const Article& a) {
  row.text(a.title).text(a.excerpt).text(a.body).bigint(seconds(a.published_date_time));
  row.text(a.original_url).text(a.web_url).text(a.amp_web_url).text(a.cdn_amp_web_url);
  row.text(a.category).text(key_of(a.category)).text(a.type).text(key_of(a.type));
  row.bigint(a.quality).bigint(a.heat).boolean(a.published);
}

// And after them: provider_extra .. source_path.
void put_details(CopyBinary& row, const PreparedPart::Entry& e) {
  const Article& a = *e.article;
  row.text(a.provider ? extra_json(a.provider->extra) : std::nullopt);
  row.text(a.secured).text(topics_json(a.topics));
  if (store::refused_for_tests(a)) {
    row.null();  // the store refuses it (NOT NULL)
  } else {
    row.text(e.topics_text);
  }
  row.text(extra_json(a.extra)).text(e.hash).text(*e.path);
}

// Calls `each(position, name, key)` for each distinct topic key of `a`, numbered without gaps
// (the list itself, duplicates and spellings included, is in articles.topics).
template <typename Each>
void for_each_topic(const Article& a, Each&& each) {
  std::unordered_set<std::string> seen;
  std::int32_t position = 0;
  for (const auto& topic : a.topics) {
    std::string key = store::name_key(topic);
    if (seen.insert(key).second) each(position++, topic, key);
  }
}

// The rows of a's images and related entries, each starting with `key(rows.row(n))`: the
// article's URL in staging rows, its id in final rows.
template <typename Key>
void put_images(CopyBinary& rows, const Article& a, Key&& key) {
  for (std::size_t i = 0; i < a.images.size(); ++i) {
    const Image& image = a.images[i];
    key(rows.row(7)).integer(static_cast<std::int32_t>(i)).text(image.url);
    rows.bigint(image.width).bigint(image.height).boolean(image.is_cached);
    rows.text(extra_json(image.extra));
  }
}

template <typename Key>
void put_related(CopyBinary& rows, const Article& a, std::string& doc, Key&& key) {
  for (std::size_t i = 0; i < a.related.size(); ++i) {
    const RelatedArticle& r = a.related[i];
    sqlite::write_related_doc(r, doc);
    key(rows.row(8)).integer(static_cast<std::int32_t>(i));
    rows.text(canonical_url(r.primary_url())).text(r.title);
    rows.bigint(seconds(r.published_date_time));
    if (r.provider) {
      rows.text(r.provider->name).text(r.provider->domain);
    } else {
      rows.null().null();
    }
    rows.text(doc);
  }
}

class Stager {
 public:
  explicit Stager(StagedBatch& out) : out_(out) {}

  void article(const PreparedPart::Entry& e) {
    const Article& a = *e.article;
    CopyBinary& row = out_.articles;
    // ord: where the record stands in input order, so new articles get ids in that order.
    row.row(kStageArticleFields).bigint(article_ord_++).text(a.canonical_url);
    put_content(row, a);
    if (a.provider) {
      row.text(a.provider->name).text(a.provider->domain);
      row.text(store::name_key(a.provider->name)).text(store::name_key(a.provider->domain));
    } else {
      row.null().null().null().null();
    }
    put_details(row, e);
    // search_text, search: the literal for the server's unaccent, or the vector as it is.
    if (e.search.ascii) {
      row.null().raw(e.search.binary);
    } else {
      row.text(e.search.literal()).null();
    }
    const std::string& url = a.canonical_url;
    for_each_topic(a, [&](std::int32_t position, const std::string& topic, const std::string& key) {
      out_.topics.row(4).text(url).integer(position).text(topic).text(key);
    });
    auto by_url = [&](CopyBinary& rows) -> CopyBinary& { return rows.text(url); };
    put_images(out_.images, a, by_url);
    put_related(out_.related, a, doc_, by_url);
  }

 private:
  StagedBatch& out_;
  std::int64_t article_ord_ = 0;
  std::string doc_;
};

// Final rows, for articles new to the store (see the header).
class Finisher {
 public:
  Finisher(FinalRows& out, const StoreIds& ids) : out_(out), ids_(ids) {}

  // Whether `e` can be written as final rows: new to the store when the ids were drawn, an ASCII
  // vector, and every id it refers to known. If so, it is kept for finish().
  bool take(const PreparedPart::Entry& e) {
    const Article& a = *e.article;
    if (!e.search.ascii) return false;
    auto id = ids_.articles.find(a.canonical_url);
    if (id == ids_.articles.end()) return false;
    std::optional<std::int64_t> provider;
    if (a.provider) {
      auto p = ids_.providers.find({a.provider->name, a.provider->domain});
      if (p == ids_.providers.end()) return false;
      provider = p->second;
    }
    std::vector<std::int64_t> topics;
    bool known = true;
    for_each_topic(a, [&](std::int32_t, const std::string&, const std::string& key) {
      auto t = ids_.topics.find(key);
      known = known && t != ids_.topics.end();
      if (known) topics.push_back(t->second);
    });
    if (!known) return false;
    taken_.push_back(Taken{&e, id->second, provider, std::move(topics)});
    return true;
  }

  // Writes the taken articles' rows, sorted by URL.
  void finish() {
    std::ranges::sort(taken_, {}, [](const Taken& t) -> const std::string& {
      return t.entry->article->canonical_url;
    });
    for (const Taken& t : taken_) write(t);
  }

 private:
  struct Taken {
    const PreparedPart::Entry* entry;
    std::int64_t id;
    std::optional<std::int64_t> provider;
    std::vector<std::int64_t> topics;  // by position
  };

  void write(const Taken& t) {
    const Article& a = *t.entry->article;
    CopyBinary& row = out_.articles;
    row.row(kFinalArticleFields).bigint(t.id).text(a.canonical_url);
    put_content(row, a);
    row.bigint(t.provider);
    put_details(row, *t.entry);
    row.bigint(ids_.now).bigint(ids_.now).raw(t.entry->search.binary);
    const auto published = seconds(a.published_date_time);
    for (std::size_t i = 0; i < t.topics.size(); ++i) {
      out_.topics.row(4).bigint(t.id).bigint(t.topics[i]);
      out_.topics.integer(static_cast<std::int32_t>(i)).bigint(published);
    }
    auto by_id = [&](CopyBinary& rows) -> CopyBinary& { return rows.bigint(t.id); };
    put_images(out_.images, a, by_id);
    put_related(out_.related, a, doc_, by_id);
  }

  FinalRows& out_;
  const StoreIds& ids_;
  std::vector<Taken> taken_;
  std::string doc_;
};

void tally(UrlTally& t, const std::string& hash, bool first) {
  if (first) {
    t.first_hash = hash;
  } else if (hash == t.last_hash) {
    ++t.later_unchanged;
  } else {
    ++t.later_updated;
  }
  t.last_hash = hash;
}

struct PendingError {
  std::int64_t seq;
  const std::string* path;
  const Diagnostic* diagnostic;
};

// The last record of each URL in the batch (of those in `part`): the one staged.
std::unordered_map<std::string_view, const Article*> last_records(std::span<const ParsedFile> batch,
                                                                  std::size_t part,
                                                                  std::size_t parts) {
  std::unordered_map<std::string_view, const Article*> last;
  for (const ParsedFile& file : batch) {
    for (const Article& a : file.articles) {
      // The parser never gives an empty URL.
      if (!a.canonical_url.empty() && url_part(a.canonical_url, parts) == part) {
        last[a.canonical_url] = &a;
      }
    }
  }
  return last;
}

}  // namespace

std::size_t url_part(std::string_view url, std::size_t parts) {
  if (parts <= 1) return 0;
  std::uint64_t h = 14695981039346656037ull;  // FNV-1a: stable, unlike std::hash
  for (unsigned char c : url) h = (h ^ c) * 1099511628211ull;
  return static_cast<std::size_t>(h % parts);
}

StagedLog stage_log(std::span<const ParsedFile> batch) {
  StagedLog out;
  std::map<std::string_view, const ImportRecord*> records;  // sorted by path: lock order
  std::map<std::string_view, bool> cleared;
  std::vector<PendingError> errors;
  std::int64_t seq = 0;
  for (const ParsedFile& file : batch) {
    const std::string& path = file.record.path;
    if (file.first_part && file.content == ContentState::kParsed) {
      // This input's errors start again from here, earlier ones of this batch included.
      cleared[path] = true;
      std::erase_if(errors, [&](const PendingError& e) { return *e.path == path; });
    }
    for (const Diagnostic& d : file.diagnostics) {
      if (d.severity == Severity::kError) errors.push_back(PendingError{seq++, &path, &d});
    }
    if (file.last_part && file.tracked) records[path] = &file.record;
  }
  for (const auto& [path, record] : records) {
    out.files.field(record->path).field(record->size).field(record->mtime_ns);
    out.files.field(record->content_hash).field(sqlite::outcome_name(record->outcome));
    out.files.field(record->articles).end_row();
  }
  for (const auto& [path, yes] : cleared) out.cleared.field(path).end_row();
  for (const PendingError& e : errors) {
    const Diagnostic& d = *e.diagnostic;
    out.errors.field(e.seq).field(*e.path).field(d.line).field(d.column).field(d.field);
    out.errors.field(d.message).end_row();
  }
  return out;
}

PreparedPart prepare_articles(std::span<const ParsedFile> batch, std::size_t part,
                              std::size_t parts) {
  PreparedPart out;
  auto last = last_records(batch, part, parts);
  for (const ParsedFile& file : batch) {
    for (const Article& a : file.articles) {
      auto staged = last.find(a.canonical_url);
      if (staged == last.end()) continue;  // another part's (or no URL)
      std::string hash = store::article_content_hash(a);
      auto [it, first] = out.tallies.try_emplace(a.canonical_url);
      tally(it->second, hash, first);
      if (staged->second != &a) continue;
      std::string topics = topics_text(a.topics);
      SearchVector search =
          search_vector(a.title, a.excerpt.value_or(""), topics, a.body.value_or(""));
      out.entries.push_back(PreparedPart::Entry{&a, &file.record.path, std::move(hash),
                                                std::move(topics), std::move(search)});
    }
  }
  return out;
}

StagedBatch stage_articles(const PreparedPart& prepared, const StoreIds* ids) {
  StagedBatch out;
  Stager stager(out);
  std::optional<Finisher> finisher;
  if (ids) finisher.emplace(out.direct, *ids);
  for (const PreparedPart::Entry& e : prepared.entries) {
    const std::string& url = e.article->canonical_url;
    const UrlTally& t = prepared.tallies.at(url);
    if (finisher && finisher->take(e)) {
      // New to the store: its first record is added, the later ones counted against their
      // predecessors.
      ++out.direct.counts.added;
      out.direct.counts.updated += t.later_updated;
      out.direct.counts.unchanged += t.later_unchanged;
    } else {
      stager.article(e);
      out.tallies.emplace(url, t);
    }
  }
  if (finisher) finisher->finish();
  return out;
}

BatchKeys batch_keys(std::span<const ParsedFile> batch) {
  BatchKeys keys;
  auto last = last_records(batch, 0, 1);
  std::set<std::pair<std::string_view, std::string_view>> providers;
  std::unordered_set<std::string> topics;
  for (const ParsedFile& file : batch) {
    for (const Article& a : file.articles) {
      auto staged = last.find(a.canonical_url);
      if (staged == last.end() || staged->second != &a) continue;
      keys.urls.push_back(a.canonical_url);
      if (a.provider && providers.emplace(a.provider->name, a.provider->domain).second) {
        keys.provider_names.push_back(a.provider->name);
        keys.provider_domains.push_back(a.provider->domain);
        keys.provider_name_keys.push_back(store::name_key(a.provider->name));
        keys.provider_domain_keys.push_back(store::name_key(a.provider->domain));
      }
      for (const auto& topic : a.topics) {
        std::string key = store::name_key(topic);
        if (topics.insert(key).second) {
          keys.topic_names.push_back(topic);
          keys.topic_keys.push_back(std::move(key));
        }
      }
    }
  }
  return keys;
}

}  // namespace newsdb::postgres
