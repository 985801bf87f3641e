// One write batch turned into the rows PostgreSQL receives by COPY into its staging tables.
//
// This is where the last-writer rule is applied inside a batch: of several articles with the same
// canonical URL, the one last in input order (files in order, articles in file order) is the only
// one staged. Articles are staged sorted by URL, so every writer locks article rows in the same
// order and concurrent writers cannot deadlock on them; files are staged sorted by path for the
// same reason (and of one path given twice, the last record wins).
//
// Pure: no I/O, no clock.
#pragma once

#include <cstdint>
#include <newsdb/article_writer.hpp>
#include <span>

#include "store/postgres/copy_text.hpp"

namespace newsdb::postgres {

struct StagedBatch {
  CopyText articles;  // one row per distinct canonical URL (columns: see kStageArticleColumns)
  CopyText topics;    // url, position, seq, name, name_key
  CopyText images;    // url, position, image_url, width, height, is_cached, extra
  CopyText related;   // url, position, related_url, title, published_at, provider_name,
                      // provider_domain, doc
  CopyText files;     // path, size, mtime_ns, content_hash, outcome, articles
  CopyText errors;    // seq, path, line, column, field, message
  std::int64_t article_count = 0;  // distinct URLs staged
};

StagedBatch stage_batch(std::span<const ParsedFile> batch);

// The column list of stage_articles, in the order stage_batch writes them.
inline constexpr const char* kStageArticleColumns =
    "url, title, excerpt, body, published_at, original_url, web_url, amp_web_url, "
    "cdn_amp_web_url, category, category_key, type, type_key, quality, heat, published, "
    "provider_name, provider_domain, provider_name_key, provider_domain_key, provider_extra, "
    "secured, topics_text, extra, content_hash, source_path";

}  // namespace newsdb::postgres
