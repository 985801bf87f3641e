// One write batch turned into the rows PostgreSQL receives by COPY, plus what the writer needs to
// count it the way <newsdb/article_writer.hpp> says.
//
// A batch's articles can be cut into parts by canonical URL (url_part), each prepared and written
// on its own: every record of a URL falls in one part, so each part applies the last-writer rule
// and counts its URLs on its own. What is shared by the parts (new providers, new topics, the ids
// of new articles: batch_keys) and the import log (stage_log) are staged apart.
//
// The last-writer rule inside a batch is applied here: of several records with one canonical URL,
// only the last in input order is written. The earlier ones are only counted, record by record, as
// if each were written in turn: their tally (first and last content hash, and how the ones after
// the first compare with their predecessor) is all the writer needs besides the stored hash.
//
// Two kinds of rows. Staging rows (StagedBatch's own) go into session-private staging tables that
// the writer's statements merge into the store. Final rows (StagedBatch::direct) go straight into
// the store's tables: they are made, when the writer knows the ids (StoreIds), for articles whose
// URL was new to the store when the ids were drawn and whose search vector is ASCII (the others
// need the server: to be compared with what is stored, or to be unaccented).
//
// Encodings are the SQLite writer's, byte for byte (content hash, folded keys, topic list JSON,
// related.doc, unknown fields), in both kinds of rows, so that `newsdb migrate` copies rows as they
// are and either backend finds a migrated article unchanged.
//
// Pure: no I/O, no clock.
#pragma once

#include <cstdint>
#include <map>
#include <newsdb/article_writer.hpp>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/parsed_file.hpp"
#include "store/postgres/copy_binary.hpp"
#include "store/postgres/copy_text.hpp"
#include "store/postgres/search_text.hpp"

namespace newsdb::postgres {

// The records of one URL in a batch.
struct UrlTally {
  std::string first_hash;      // of the first record in input order
  std::string last_hash;       // of the last: the one staged
  std::int64_t later_updated = 0;    // records after the first that differ from the one before
  std::int64_t later_unchanged = 0;  // records after the first equal to the one before
};

// The costly, store-independent work on one part's articles: content hashes and search vectors.
struct PreparedPart {
  struct Entry {
    const Article* article;   // the last record of its URL in the part
    const std::string* path;  // its input's
    std::string hash;         // its content hash
    std::string topics_text;  // its topics, one per line (stored, and searched)
    SearchVector search;
  };
  std::vector<Entry> entries;  // one per distinct URL, in input order
  std::unordered_map<std::string, UrlTally> tallies;  // by canonical URL
};

// What the writer knows of the store, to write articles new to it straight into its tables.
struct StoreIds {
  std::unordered_map<std::string, std::int64_t> articles;  // ids drawn for URLs new to the store
  std::map<std::pair<std::string, std::string>, std::int64_t> providers;  // by (name, domain)
  std::unordered_map<std::string, std::int64_t> topics;                   // by name key
  std::int64_t now = 0;  // their first_seen_at and updated_at
};

// Final rows of articles new to the store, sorted by URL (the writer's lock order), in binary COPY
// form: articles (kFinalArticleColumns); article_topics (article_id, topic_id, position,
// published_at); images (article_id, position, url, width, height, is_cached, extra); related
// (article_id, position, url, title, published_at, provider_name, provider_domain, doc).
struct FinalRows {
  CopyBinary articles, topics, images, related;
  WriteCounts counts;  // each article added; the earlier records of its URL as its tally says
};

// The articles of one part of a batch.
struct StagedBatch {
  CopyBinary articles;  // one row per distinct URL (columns: kStageArticleColumns), in binary
                        // COPY form (cheaper for the server to read than text); of search_text
                        // (the vector's literal, for unaccent) and search (the vector itself),
                        // the first when the vector is not ASCII, else the second
  // The children, in binary COPY form too:
  CopyBinary topics;   // url, position, name, name_key: one row per distinct key
  CopyBinary images;   // url, position, image_url, width, height, is_cached, extra
  CopyBinary related;  // url, position, related_url, title, published_at, provider_name,
                       // provider_domain, doc
  std::unordered_map<std::string, UrlTally> tallies;  // of the staged URLs, by canonical URL
  FinalRows direct;  // the articles written straight into the store instead (see above)
};

// The import log of a whole batch.
struct StagedLog {
  CopyText files;    // path, size, mtime_ns, content_hash, outcome, articles (last per path)
  CopyText cleared;  // path: inputs whose recorded errors this batch replaces
  CopyText errors;   // seq, path, line, column, field, message
};

// What the parts of a batch share, each list in the order the SQLite writer would first meet it
// (the staged articles in input order), so that ids are drawn in that order.
struct BatchKeys {
  std::vector<std::string> urls;  // of the staged articles (the last record of each URL)
  std::vector<std::string> provider_names, provider_domains, provider_name_keys,
      provider_domain_keys;  // distinct (name, domain)
  std::vector<std::string> topic_names, topic_keys;  // distinct key, first spelling
};

// Which of `parts` parts a canonical URL belongs to; the same in every process and run.
std::size_t url_part(std::string_view url, std::size_t parts);

// The articles of the batch whose URL is in part `part` of `parts`.
PreparedPart prepare_articles(std::span<const ParsedFile> batch, std::size_t part = 0,
                              std::size_t parts = 1);
// Their rows: final rows for those `ids` allow (see above; none without `ids`), staging rows for
// the rest.
StagedBatch stage_articles(const PreparedPart& prepared, const StoreIds* ids = nullptr);
StagedLog stage_log(std::span<const ParsedFile> batch);
BatchKeys batch_keys(std::span<const ParsedFile> batch);

// The column list of stage_articles, in the order stage_batch writes them, and its length.
inline constexpr const char* kStageArticleColumns =
    "ord, url, title, excerpt, body, published_at, original_url, web_url, amp_web_url, "
    "cdn_amp_web_url, category, category_key, type, type_key, quality, heat, published, "
    "provider_name, provider_domain, provider_name_key, provider_domain_key, provider_extra, "
    "secured, topics, topics_text, extra, content_hash, source_path, search_text, search";
// The column list of articles as final rows fill it, in their order.
inline constexpr const char* kFinalArticleColumns =
    "id, url, title, excerpt, body, published_at, original_url, web_url, amp_web_url, "
    "cdn_amp_web_url, category, category_key, type, type_key, quality, heat, published, "
    "provider_id, provider_extra, secured, topics, topics_text, extra, content_hash, source_path, "
    "first_seen_at, updated_at, search";
constexpr int column_count(const char* columns) {
  int fields = 1;
  for (const char* c = columns; *c; ++c) fields += *c == ',';
  return fields;
}
inline constexpr int kStageArticleFields = column_count(kStageArticleColumns);
inline constexpr int kFinalArticleFields = column_count(kFinalArticleColumns);

}  // namespace newsdb::postgres
