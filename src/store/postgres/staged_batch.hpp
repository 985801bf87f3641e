// One write batch turned into the rows PostgreSQL receives by COPY into its staging tables, plus
// what the writer needs to count it the way <newsdb/article_writer.hpp> says.
//
// The last-writer rule inside a batch is applied here: of several records with one canonical URL,
// only the last in input order is staged. The earlier ones are only counted, record by record, as
// if each were written in turn: their tally (first and last content hash, and how the ones after
// the first compare with their predecessor) is all the writer needs besides the stored hash.
//
// Encodings are the SQLite writer's, byte for byte (content hash, folded keys, topic list JSON,
// related.doc, unknown fields), so that `newsdb migrate` copies rows as they are and either
// backend finds a migrated article unchanged.
//
// Pure: no I/O, no clock.
#pragma once

#include <cstdint>
#include <newsdb/article_writer.hpp>
#include <span>
#include <string>
#include <unordered_map>

#include "store/postgres/copy_binary.hpp"
#include "store/postgres/copy_text.hpp"

namespace newsdb::postgres {

// The records of one URL in a batch.
struct UrlTally {
  std::string first_hash;      // of the first record in input order
  std::string last_hash;       // of the last: the one staged
  std::int64_t later_updated = 0;    // records after the first that differ from the one before
  std::int64_t later_unchanged = 0;  // records after the first equal to the one before
};

struct StagedBatch {
  CopyText articles;  // one row per distinct URL (columns: kStageArticleColumns); search_text,
                      // the vector's literal, only when it is not ASCII (unaccent applies to it)
  CopyText topics;    // url, position, seq, name, name_key: one row per distinct key
  CopyText images;    // url, position, image_url, width, height, is_cached, extra
  CopyText related;   // url, position, related_url, title, published_at, provider_name,
                      // provider_domain, doc
  CopyText files;     // path, size, mtime_ns, content_hash, outcome, articles (last per path)
  CopyText cleared;   // path: inputs whose recorded errors this batch replaces
  CopyText errors;    // seq, path, line, column, field, message
  CopyBinary search;  // ord, search: the search vectors of the articles without search_text
  std::unordered_map<std::string, UrlTally> tallies;  // by canonical URL
};

StagedBatch stage_batch(std::span<const ParsedFile> batch);

// The column list of stage_articles, in the order stage_batch writes them.
inline constexpr const char* kStageArticleColumns =
    "ord, url, title, excerpt, body, published_at, original_url, web_url, amp_web_url, "
    "cdn_amp_web_url, category, category_key, type, type_key, quality, heat, published, "
    "provider_name, provider_domain, provider_name_key, provider_domain_key, provider_extra, "
    "secured, topics, topics_text, extra, content_hash, source_path, search_text";

}  // namespace newsdb::postgres
