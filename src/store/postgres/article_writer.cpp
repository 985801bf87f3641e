#include "store/postgres/article_writer.hpp"

#include <chrono>

#include "store/postgres/copy_text.hpp"

namespace newsdb::postgres {
namespace {

// Session-private staging tables, emptied at every commit (and by every rollback).
constexpr const char* kStagingTables = R"sql(
CREATE TEMP TABLE IF NOT EXISTS stage_articles (
  url text, title text, excerpt text, body text, published_at bigint, original_url text,
  web_url text, amp_web_url text, cdn_amp_web_url text, category text, category_key text,
  type text, type_key text, quality bigint, heat bigint, published boolean, provider_name text,
  provider_domain text, provider_name_key text, provider_domain_key text, provider_extra text,
  secured text, topics_text text, extra text, content_hash text, source_path text
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_topics (
  url text, position integer, seq bigint, name text, name_key text) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_images (
  url text, position integer, image_url text, width bigint, height bigint, is_cached boolean,
  extra text) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_related (
  url text, position integer, related_url text, title text, published_at bigint,
  provider_name text, provider_domain text, doc text) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_files (
  path text, size bigint, mtime_ns bigint, content_hash text, outcome text, articles bigint
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_errors (
  seq bigint, path text, line integer, "column" integer, field text, message text
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_changed (id bigint, url text, inserted boolean)
  ON COMMIT DELETE ROWS;
)sql";

// Each statement below locks rows in key order (the ORDER BY): see the header on deadlocks.

constexpr const char* kUpsertProviders = R"sql(
INSERT INTO providers (name, domain, name_key, domain_key)
SELECT DISTINCT provider_name, provider_domain, provider_name_key, provider_domain_key
FROM pg_temp.stage_articles WHERE provider_name IS NOT NULL
ORDER BY 1, 2
ON CONFLICT (name, domain) DO NOTHING
)sql";

// A topic keeps the spelling it was first stored with.
constexpr const char* kUpsertTopics = R"sql(
INSERT INTO topics (name, name_key)
SELECT DISTINCT ON (name_key) name, name_key FROM pg_temp.stage_topics
ORDER BY name_key, seq
ON CONFLICT (name_key) DO NOTHING
)sql";

// Only articles whose content hash differs are rewritten; `inserted` tells new from updated.
constexpr const char* kUpsertArticles = R"sql(
WITH up AS (
  INSERT INTO articles AS a (
    url, title, excerpt, body, published_at, original_url, web_url, amp_web_url,
    cdn_amp_web_url, category, category_key, type, type_key, quality, heat, published,
    provider_id, provider_extra, secured, topics_text, extra, content_hash, source_path,
    first_seen_at, updated_at)
  SELECT s.url, s.title, s.excerpt, s.body, s.published_at, s.original_url, s.web_url,
    s.amp_web_url, s.cdn_amp_web_url, s.category, s.category_key, s.type, s.type_key, s.quality,
    s.heat, s.published, p.id, s.provider_extra, s.secured, s.topics_text, s.extra,
    s.content_hash, s.source_path, $1, $1
  FROM pg_temp.stage_articles s
  LEFT JOIN providers p ON p.name = s.provider_name AND p.domain = s.provider_domain
  ORDER BY s.url
  ON CONFLICT (url) DO UPDATE SET
    title = excluded.title, excerpt = excluded.excerpt, body = excluded.body,
    published_at = excluded.published_at, original_url = excluded.original_url,
    web_url = excluded.web_url, amp_web_url = excluded.amp_web_url,
    cdn_amp_web_url = excluded.cdn_amp_web_url, category = excluded.category,
    category_key = excluded.category_key, type = excluded.type, type_key = excluded.type_key,
    quality = excluded.quality, heat = excluded.heat, published = excluded.published,
    provider_id = excluded.provider_id, provider_extra = excluded.provider_extra,
    secured = excluded.secured, topics_text = excluded.topics_text, extra = excluded.extra,
    content_hash = excluded.content_hash, source_path = excluded.source_path,
    updated_at = excluded.updated_at
  WHERE a.content_hash <> excluded.content_hash
  RETURNING a.id, a.url, (a.xmax = 0) AS inserted)
INSERT INTO pg_temp.stage_changed (id, url, inserted) SELECT id, url, inserted FROM up
)sql";

constexpr const char* kCountChanged = R"sql(
SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted)
FROM pg_temp.stage_changed
)sql";

constexpr const char* kDeleteOldTopics = R"sql(
DELETE FROM article_topics t USING pg_temp.stage_changed c
WHERE t.article_id = c.id AND NOT c.inserted
)sql";
constexpr const char* kDeleteOldImages = R"sql(
DELETE FROM images i USING pg_temp.stage_changed c WHERE i.article_id = c.id AND NOT c.inserted
)sql";
constexpr const char* kDeleteOldRelated = R"sql(
DELETE FROM related r USING pg_temp.stage_changed c WHERE r.article_id = c.id AND NOT c.inserted
)sql";

// Two spellings of one topic in one article ("AI", "ai") are one topic: the first is kept.
constexpr const char* kInsertTopics = R"sql(
INSERT INTO article_topics (article_id, topic_id, position, published_at)
SELECT c.id, t.id, st.position, s.published_at
FROM pg_temp.stage_topics st
JOIN pg_temp.stage_changed c ON c.url = st.url
JOIN pg_temp.stage_articles s ON s.url = st.url
JOIN topics t ON t.name_key = st.name_key
ORDER BY c.id, st.position
ON CONFLICT (article_id, topic_id) DO NOTHING
)sql";

constexpr const char* kInsertImages = R"sql(
INSERT INTO images (article_id, position, url, width, height, is_cached, extra)
SELECT c.id, si.position, si.image_url, si.width, si.height, si.is_cached, si.extra
FROM pg_temp.stage_images si JOIN pg_temp.stage_changed c ON c.url = si.url
)sql";

constexpr const char* kInsertRelated = R"sql(
INSERT INTO related (article_id, position, url, title, published_at, provider_name,
                     provider_domain, doc)
SELECT c.id, sr.position, sr.related_url, sr.title, sr.published_at, sr.provider_name,
       sr.provider_domain, sr.doc
FROM pg_temp.stage_related sr JOIN pg_temp.stage_changed c ON c.url = sr.url
)sql";

constexpr const char* kUpsertFiles = R"sql(
INSERT INTO import_files AS f (path, size, mtime_ns, content_hash, outcome, articles,
                               imported_at)
SELECT path, size, mtime_ns, content_hash, outcome, articles, $1 FROM pg_temp.stage_files
ORDER BY path
ON CONFLICT (path) DO UPDATE SET
  size = excluded.size, mtime_ns = excluded.mtime_ns, content_hash = excluded.content_hash,
  outcome = excluded.outcome, articles = excluded.articles, imported_at = excluded.imported_at
)sql";

constexpr const char* kDeleteOldErrors = R"sql(
DELETE FROM import_errors e USING pg_temp.stage_files f WHERE e.path = f.path
)sql";

constexpr const char* kInsertErrors = R"sql(
INSERT INTO import_errors (path, line, "column", field, message, recorded_at)
SELECT path, line, "column", field, message, $1 FROM pg_temp.stage_errors ORDER BY seq
)sql";

constexpr const char* kLookup = R"sql(
SELECT p.path, f.size, f.mtime_ns, f.content_hash, f.outcome, f.articles
FROM unnest($1::text[]) WITH ORDINALITY AS p (path, n)
LEFT JOIN import_files f ON f.path = p.path
ORDER BY p.n
)sql";

constexpr const char* kStoredHashes = R"sql(
SELECT a.content_hash
FROM unnest($1::text[]) WITH ORDINALITY AS u (url, n)
LEFT JOIN articles a ON a.url = u.url
ORDER BY u.n
)sql";

constexpr const char* kFailedInputs = R"sql(
SELECT path, line, "column", field, message FROM import_errors ORDER BY path, id
)sql";

FileOutcome outcome_from(std::string_view name) {
  if (name == "imported") return FileOutcome::kImported;
  if (name == "skipped") return FileOutcome::kSkipped;
  return FileOutcome::kFailed;
}

}  // namespace

PgArticleWriter::PgArticleWriter(Connection& conn) : conn_(conn) {}

Result<void> PgArticleWriter::prepare_session() {
  if (session_ready_) return {};
  // Like SQLite's WAL with synchronous=NORMAL: a commit returns before its WAL record reaches the
  // disk, so a power cut may lose the last batches but never leaves the database inconsistent,
  // and the next import redoes what was lost (its files are not recorded as imported either).
  if (auto r = conn_.exec("SET synchronous_commit = off"); !r) return std::unexpected(r.error());
  if (auto r = conn_.exec(kStagingTables); !r) return std::unexpected(r.error());
  session_ready_ = true;
  return {};
}

Result<std::vector<std::optional<ImportRecord>>> PgArticleWriter::lookup(
    std::span<const std::string> paths) {
  std::vector<std::optional<ImportRecord>> out(paths.size());
  if (paths.empty()) return out;
  auto rows = conn_.exec_prepared("w_lookup", kLookup, Params().add(array_literal(paths)));
  if (!rows) return std::unexpected(rows.error());
  for (int i = 0; i < rows->rows(); ++i) {
    if (rows->is_null(i, 1)) continue;
    out[static_cast<std::size_t>(i)] =
        ImportRecord{std::string(rows->text(i, 0)), rows->int64(i, 1), rows->int64(i, 2),
                     std::string(rows->text(i, 3)), outcome_from(rows->text(i, 4)),
                     rows->int64(i, 5)};
  }
  return out;
}

Result<WriteCounts> PgArticleWriter::write_batch(std::span<const ParsedFile> batch,
                                                 Timestamp now) {
  if (batch.empty()) return WriteCounts{};
  if (auto r = prepare_session(); !r) return std::unexpected(r.error());
  StagedBatch staged = stage_batch(batch);
  auto seconds = static_cast<std::int64_t>(now.time_since_epoch().count());
  return with_retry(conn_, [&] { return write_staged(staged, seconds); });
}

Result<std::vector<std::optional<std::string>>> PgArticleWriter::stored_hashes(
    std::span<const std::string> canonical_urls) {
  std::vector<std::optional<std::string>> out(canonical_urls.size());
  if (canonical_urls.empty()) return out;
  auto rows = conn_.exec_prepared("w_stored_hashes", kStoredHashes,
                                  Params().add(array_literal(canonical_urls)));
  if (!rows) return std::unexpected(rows.error());
  for (int i = 0; i < rows->rows(); ++i) {
    if (!rows->is_null(i, 0)) out[static_cast<std::size_t>(i)] = std::string(rows->text(i, 0));
  }
  return out;
}

Result<std::vector<FailedInput>> PgArticleWriter::failed_inputs() {
  auto rows = conn_.exec_prepared("w_failed", kFailedInputs, Params());
  if (!rows) return std::unexpected(rows.error());
  std::vector<FailedInput> out;
  for (int i = 0; i < rows->rows(); ++i) {
    std::string path(rows->text(i, 0));
    if (out.empty() || out.back().path != path) out.push_back(FailedInput{path, {}});
    out.back().diagnostics.push_back(Diagnostic{path, static_cast<int>(rows->int64(i, 1)),
                                                static_cast<int>(rows->int64(i, 2)),
                                                std::string(rows->text(i, 3)),
                                                std::string(rows->text(i, 4))});
  }
  return out;
}

Result<WriteCounts> PgArticleWriter::write_staged(const StagedBatch& staged, std::int64_t now) {
  auto tx = Transaction::begin(conn_);
  if (!tx) return std::unexpected(tx.error());

  struct Copy {
    const CopyText& rows;
    const char* sql;
  };
  const std::string articles_copy =
      std::string("COPY pg_temp.stage_articles (") + kStageArticleColumns + ") FROM STDIN";
  for (const Copy& copy : {
           Copy{staged.articles, articles_copy.c_str()},
           Copy{staged.topics, "COPY pg_temp.stage_topics FROM STDIN"},
           Copy{staged.images, "COPY pg_temp.stage_images FROM STDIN"},
           Copy{staged.related, "COPY pg_temp.stage_related FROM STDIN"},
           Copy{staged.files, "COPY pg_temp.stage_files FROM STDIN"},
           Copy{staged.errors, "COPY pg_temp.stage_errors FROM STDIN"},
       }) {
    if (copy.rows.empty()) continue;
    if (auto r = conn_.copy_in(copy.sql, copy.rows.data()); !r) return std::unexpected(r.error());
  }

  const Params none;
  const Params stamped = Params().add(now);
  struct Step {
    const char* name;
    const char* sql;
    const Params& params;
    bool needed;
  };
  const bool articles = !staged.articles.empty();
  const bool files = !staged.files.empty();
  for (const Step& step : {
           Step{"w_providers", kUpsertProviders, none, articles},
           Step{"w_topics", kUpsertTopics, none, !staged.topics.empty()},
           Step{"w_articles", kUpsertArticles, stamped, articles},
           Step{"w_del_topics", kDeleteOldTopics, none, articles},
           Step{"w_del_images", kDeleteOldImages, none, articles},
           Step{"w_del_related", kDeleteOldRelated, none, articles},
           Step{"w_ins_topics", kInsertTopics, none, !staged.topics.empty()},
           Step{"w_ins_images", kInsertImages, none, !staged.images.empty()},
           Step{"w_ins_related", kInsertRelated, none, !staged.related.empty()},
           Step{"w_files", kUpsertFiles, stamped, files},
           Step{"w_del_errors", kDeleteOldErrors, none, files},
           Step{"w_ins_errors", kInsertErrors, stamped, !staged.errors.empty()},
       }) {
    if (!step.needed) continue;
    if (auto r = conn_.exec_prepared(step.name, step.sql, step.params); !r) {
      return std::unexpected(r.error());
    }
  }

  WriteCounts counts;
  if (articles) {
    auto changed = conn_.exec_prepared("w_count", kCountChanged, none);
    if (!changed) return std::unexpected(changed.error());
    counts.added = changed->int64(0, 0);
    counts.updated = changed->int64(0, 1);
    counts.unchanged = staged.article_count - counts.added - counts.updated;
  }
  if (auto r = tx->commit(); !r) return std::unexpected(r.error());
  return counts;
}

}  // namespace newsdb::postgres
