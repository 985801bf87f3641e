#include "store/postgres/article_writer.hpp"

#include <chrono>
#include <future>

#include "store/postgres/copy_text.hpp"
#include "store/postgres/story_tables.hpp"
#include "store/refused_records.hpp"
#include "store/sqlite/import_log.hpp"

namespace newsdb::postgres {
namespace {

// Session-private staging tables, emptied at every commit (and by every rollback). Text in the
// "C" collation, like the store's own columns, so sorting them gives the store's key order.
constexpr const char* kStagingTables = R"sql(
CREATE TEMP TABLE IF NOT EXISTS stage_articles (
  ord bigint, url text COLLATE "C", title text, excerpt text, body text, published_at bigint,
  original_url text, web_url text, amp_web_url text, cdn_amp_web_url text, category text,
  category_key text, type text, type_key text, quality bigint, heat bigint, published boolean,
  provider_name text COLLATE "C", provider_domain text COLLATE "C", provider_name_key text,
  provider_domain_key text, provider_extra text, secured text, topics text, topics_text text,
  extra text, content_hash text, source_path text, search_text text, search tsvector
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_topics (
  url text COLLATE "C", position integer, name text, name_key text COLLATE "C"
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_images (
  url text COLLATE "C", position integer, image_url text, width bigint, height bigint,
  is_cached boolean, extra text) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_related (
  url text COLLATE "C", position integer, related_url text, title text, published_at bigint,
  provider_name text, provider_domain text, doc text) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_files (
  path text COLLATE "C", size bigint, mtime_ns bigint, content_hash text, outcome text,
  articles bigint) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_cleared (path text COLLATE "C") ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_errors (
  seq bigint, path text COLLATE "C", line integer, "column" integer, field text, message text
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_changed (id bigint, url text COLLATE "C", inserted boolean)
  ON COMMIT DELETE ROWS;
)sql";

// Each statement below takes its row locks in key order (the ORDER BY): see the header.

// The prelude: what every part of a batch needs before its articles are written.

// New providers and topics, like new articles, get ids in the order the SQLite writer would create
// them (first met in input order: the arrays' order) but are inserted in key order.
constexpr const char* kInsertProviders = R"sql(
WITH given AS (
  SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY
    AS g (name, domain, name_key, domain_key, n)),
numbered AS MATERIALIZED (
  SELECT nextval($1::regclass) AS id, o.* FROM (
    SELECT * FROM given g WHERE NOT EXISTS (
      SELECT 1 FROM providers p WHERE p.name = g.name AND p.domain = g.domain)
    ORDER BY n OFFSET 0) o)
INSERT INTO providers (id, name, domain, name_key, domain_key)
SELECT id, name, domain, name_key, domain_key FROM numbered
ORDER BY name COLLATE "C", domain COLLATE "C"
ON CONFLICT (name, domain) DO NOTHING
)sql";

// A new topic is stored with the first spelling met in input order.
constexpr const char* kInsertTopics = R"sql(
WITH given AS (
  SELECT * FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS g (name, name_key, n)),
numbered AS MATERIALIZED (
  SELECT nextval($1::regclass) AS id, o.* FROM (
    SELECT * FROM given g WHERE NOT EXISTS (SELECT 1 FROM topics t WHERE t.name_key = g.name_key)
    ORDER BY n OFFSET 0) o)
INSERT INTO topics (id, name, name_key)
SELECT id, name, name_key FROM numbered
ORDER BY name_key COLLATE "C"
ON CONFLICT (name_key) DO NOTHING
)sql";

// Ids for the batch's articles new to the store, drawn in input order (as the SQLite writer draws
// them, so both backends number a corpus alike) whichever part inserts them. A URL another writer
// inserts meanwhile is not inserted by this batch, leaving a gap in the ids.
constexpr const char* kDrawArticleIds = R"sql(
WITH known AS MATERIALIZED (SELECT a.url FROM articles a WHERE a.url = ANY ($2::text[]))
SELECT o.url, nextval($1::regclass) FROM (
  SELECT g.url FROM unnest($2::text[]) WITH ORDINALITY AS g (url, n)
  WHERE NOT EXISTS (SELECT 1 FROM known k WHERE k.url = g.url)
  ORDER BY g.n OFFSET 0) o
)sql";

// The ids of the batch's providers and topics (the arrays' 1-based positions), for final rows.
constexpr const char* kProviderIds = R"sql(
SELECT g.n, p.id FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS g (name, domain, n)
JOIN providers p ON p.name = g.name AND p.domain = g.domain
)sql";
constexpr const char* kTopicIds = R"sql(
SELECT g.n, t.id FROM unnest($1::text[]) WITH ORDINALITY AS g (name_key, n)
JOIN topics t ON t.name_key = g.name_key
)sql";

// The columns written from stage_articles (s) and providers (p), after url and before the stamps.
#define NEWSDB_ARTICLE_VALUES                                                                   \
  "s.title, s.excerpt, s.body, s.published_at, s.original_url, s.web_url, s.amp_web_url, "      \
  "s.cdn_amp_web_url, s.category, s.category_key, s.type, s.type_key, s.quality, s.heat, "      \
  "s.published, p.id, s.provider_extra, s.secured, s.topics, s.topics_text, s.extra, "          \
  "s.content_hash, s.source_path, "                                                              \
  "coalesce(s.search, unaccent(s.search_text)::tsvector)"
// The staged article's provider (p), joined to stage_articles (s).
#define NEWSDB_ARTICLE_JOINS                                                                    \
  " LEFT JOIN providers p ON p.name = s.provider_name AND p.domain = s.provider_domain"
#define NEWSDB_ARTICLE_COLUMNS                                                                  \
  "title, excerpt, body, published_at, original_url, web_url, amp_web_url, cdn_amp_web_url, "   \
  "category, category_key, type, type_key, quality, heat, published, provider_id, "             \
  "provider_extra, secured, topics, topics_text, extra, content_hash, source_path, search"

// The batch's URLs, for finding its stored articles by their index: joined to the staging table
// instead, the stored ones were found by scanning all of `articles` (the planner does not know how
// few staged rows there are), so each batch cost more the larger the store.
#define NEWSDB_STAGED_URLS "ARRAY(SELECT url FROM pg_temp.stage_articles)"

// Step 2: articles new to the store, with the ids the prelude drew for them ($3 urls, $4 ids),
// inserted in URL order (the lock order). A URL another writer inserts meanwhile conflicts and is
// skipped. One the prelude found stored but that is gone now takes a new id. Returns the new URLs.
constexpr const char* kInsertArticles =
    "WITH known AS MATERIALIZED ("
    " SELECT a.url FROM articles a WHERE a.url = ANY (" NEWSDB_STAGED_URLS ")),"
    " drawn AS MATERIALIZED (SELECT * FROM unnest($3::text[], $4::bigint[]) AS d (url, id)),"
    " numbered AS MATERIALIZED ("
    " SELECT coalesce(d.id, nextval($2::regclass)) AS id, s.url"
    " FROM pg_temp.stage_articles s LEFT JOIN drawn d ON d.url = s.url"
    " WHERE NOT EXISTS (SELECT 1 FROM known k WHERE k.url = s.url)),"
    " ins AS ("
    " INSERT INTO articles (id, url, " NEWSDB_ARTICLE_COLUMNS ", first_seen_at, updated_at)"
    " SELECT n.id, s.url, " NEWSDB_ARTICLE_VALUES ", $1, $1"
    " FROM pg_temp.stage_articles s JOIN numbered n ON n.url = s.url" NEWSDB_ARTICLE_JOINS
    " ORDER BY s.url"
    " ON CONFLICT (url) DO NOTHING"
    " RETURNING id, url)"
    " INSERT INTO pg_temp.stage_changed (id, url, inserted) SELECT id, url, true FROM ins"
    " RETURNING url";

// Step 3: the stored ones, locked; their hashes as they are now that no one else can change them.
constexpr const char* kLockStored =
    "SELECT a.url, a.content_hash FROM articles a"
    " WHERE a.url = ANY (" NEWSDB_STAGED_URLS ")"
    " AND NOT EXISTS (SELECT 1 FROM pg_temp.stage_changed c WHERE c.url = a.url)"
    " ORDER BY a.url"
    " FOR UPDATE OF a";

// Step 4: rewrite those whose content changed (rows already locked by step 3).
constexpr const char* kUpdateArticles =
    "WITH up AS ("
    " UPDATE articles a SET (" NEWSDB_ARTICLE_COLUMNS ", updated_at) = "
    " (" NEWSDB_ARTICLE_VALUES ", $1)"
    " FROM pg_temp.stage_articles s" NEWSDB_ARTICLE_JOINS
    " WHERE a.url = ANY (" NEWSDB_STAGED_URLS ") AND a.url = s.url"
    " AND a.content_hash <> s.content_hash"
    " RETURNING a.id, a.url)"
    " INSERT INTO pg_temp.stage_changed (id, url, inserted) SELECT id, url, false FROM up";

#undef NEWSDB_ARTICLE_VALUES
#undef NEWSDB_ARTICLE_COLUMNS
#undef NEWSDB_ARTICLE_JOINS
#undef NEWSDB_STAGED_URLS

// The children of the rewritten articles, found by their index (see NEWSDB_STAGED_URLS).
constexpr const char* kDeleteOldTopics = R"sql(
DELETE FROM article_topics
WHERE article_id = ANY (ARRAY(SELECT id FROM pg_temp.stage_changed WHERE NOT inserted))
)sql";
constexpr const char* kDeleteOldImages = R"sql(
DELETE FROM images
WHERE article_id = ANY (ARRAY(SELECT id FROM pg_temp.stage_changed WHERE NOT inserted))
)sql";
constexpr const char* kDeleteOldRelated = R"sql(
DELETE FROM related
WHERE article_id = ANY (ARRAY(SELECT id FROM pg_temp.stage_changed WHERE NOT inserted))
)sql";

constexpr const char* kInsertArticleTopics = R"sql(
INSERT INTO article_topics (article_id, topic_id, position, published_at)
SELECT c.id, t.id, st.position, s.published_at
FROM pg_temp.stage_topics st
JOIN pg_temp.stage_changed c ON c.url = st.url
JOIN pg_temp.stage_articles s ON s.url = st.url
JOIN topics t ON t.name_key = st.name_key
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
DELETE FROM import_errors WHERE id IN (
  SELECT e.id FROM import_errors e JOIN pg_temp.stage_cleared c ON c.path = e.path
  ORDER BY e.path, e.id FOR UPDATE OF e)
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

constexpr const char* kFailedUnder = R"sql(
SELECT path FROM import_files WHERE path = $1 AND outcome = 'failed'
UNION ALL
SELECT path FROM (SELECT path FROM import_files WHERE path >= $2 AND path < $3
                  AND outcome = 'failed' ORDER BY path) under
)sql";

constexpr const char* kForgetFiles = R"sql(
DELETE FROM import_files WHERE path IN (
  SELECT f.path FROM import_files f WHERE f.path = ANY ($1::text[]) ORDER BY f.path FOR UPDATE)
)sql";

constexpr const char* kForgetErrors = R"sql(
DELETE FROM import_errors WHERE id IN (
  SELECT e.id FROM import_errors e WHERE e.path = ANY ($1::text[]) ORDER BY e.path, e.id
  FOR UPDATE)
)sql";

constexpr const char* kFailedInputs = R"sql(
SELECT path, line, "column", field, message FROM import_errors ORDER BY path, id
)sql";


// A batch with at least this many articles is written in two parts, one per connection.
constexpr std::size_t kTwoPartsFrom = 64;

struct Step {
  const char* name;
  const char* sql;
  const Params& params;
  bool needed;
};

Result<void> run(Connection& conn, std::initializer_list<Step> steps) {
  for (const Step& step : steps) {
    if (!step.needed) continue;
    if (auto r = conn.exec_prepared(step.name, step.sql, step.params); !r) {
      return std::unexpected(r.error());
    }
  }
  return {};
}

template <typename Rows>
using CopyInto = std::pair<const Rows&, const char*>;  // rows, COPY statement

std::string_view copy_data(const CopyText& rows) { return rows.data(); }
std::string copy_data(const CopyBinary& rows) { return rows.bytes(); }

template <typename Rows>
Result<void> copy_all(Connection& conn, std::initializer_list<CopyInto<Rows>> copies) {
  for (const auto& [rows, sql] : copies) {
    if (rows.empty()) continue;
    if (auto r = conn.copy_in(sql, copy_data(rows)); !r) return std::unexpected(r.error());
  }
  return {};
}

// Runs `steps` (which take a Connection&) in one transaction, again on a transient failure.
template <typename F>
auto in_transaction(Connection& conn, F&& steps) -> decltype(steps()) {
  return with_retry(conn, [&]() -> decltype(steps()) {
    auto tx = Transaction::begin(conn);
    if (!tx) return std::unexpected(tx.error());
    auto result = steps();
    if (!result) return result;
    if (auto r = tx->commit(); !r) return std::unexpected(r.error());
    return result;
  });
}

// The batch's written articles join stories, in input order (story/story_tables.hpp), in the
// transaction that writes its import log: a batch whose log is lost is read again, and its
// articles, unchanged but not grouped, are grouped then.
Result<void> group_stories(Connection& conn, std::span<const ParsedFile> batch) {
  PgStoryTables tables(conn);
  return story::group_urls(tables, batch_urls(batch));
}

}  // namespace

PgArticleWriter::PgArticleWriter(Connection& conn, std::string uri)
    : conn_(conn), uri_(std::move(uri)) {}

PgArticleWriter::~PgArticleWriter() = default;

Result<void> PgArticleWriter::prepare_session(Connection& conn) {
  // Like SQLite's WAL with synchronous=NORMAL: a commit returns before its WAL record reaches the
  // disk, so a power cut may lose the last batches but never leaves the database inconsistent,
  // and the next import redoes what was lost (its files are not recorded as imported either).
  if (auto r = conn.exec("SET synchronous_commit = off"); !r) return std::unexpected(r.error());
  // The staging tables are never analysed, so the planner guesses their joins at a million rows
  // and compiles each batch's INSERT with JIT: about 200 ms a batch, a fifth of the server's time
  // on an import, for statements that run in well under a second anyway.
  if (auto r = conn.exec("SET jit = off"); !r) return std::unexpected(r.error());
  // Bodies, secured blobs and search vectors are compressed when stored; pglz, the default, took
  // a sixth of the server's time on an import, lz4 a fraction of that. Servers built without lz4
  // keep pglz.
  (void)conn.exec("SET default_toast_compression = lz4");
  if (auto r = conn.exec(kStagingTables); !r) return std::unexpected(r.error());
  if (!article_ids_.empty()) return {};
  auto ids = conn.exec(
      "SELECT pg_get_serial_sequence('articles', 'id'), pg_get_serial_sequence('providers', "
      "'id'), pg_get_serial_sequence('topics', 'id')");
  if (!ids) return std::unexpected(ids.error());
  article_ids_ = std::string(ids->text(0, 0));
  provider_ids_ = std::string(ids->text(0, 1));
  topic_ids_ = std::string(ids->text(0, 2));
  return {};
}

Connection* PgArticleWriter::partner() {
  if (!partner_tried_ && !uri_.empty()) {
    partner_tried_ = true;
    // Without a second connection (say the server is at its connection limit) every batch is
    // written whole on the first.
    if (auto conn = Connection::open(uri_); conn) {
      partner_.emplace(std::move(*conn));
      if (!prepare_session(*partner_)) partner_.reset();
    }
  }
  return partner_ ? &*partner_ : nullptr;
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
                     std::string(rows->text(i, 3)), sqlite::outcome_from_name(rows->text(i, 4)).value_or(FileOutcome::kFailed),
                     rows->int64(i, 5)};
  }
  return out;
}

Result<WriteCounts> PgArticleWriter::write_batch(std::span<const ParsedFile> batch,
                                                 Timestamp now) {
  if (batch.empty()) return WriteCounts{};
  if (!session_ready_) {
    if (auto r = prepare_session(conn_); !r) return std::unexpected(r.error());
    session_ready_ = true;
  }
  const auto seconds = static_cast<std::int64_t>(now.time_since_epoch().count());
  const BatchKeys keys = batch_keys(batch);
  const StagedLog log = stage_log(batch);
  if (Connection* second = keys.urls.size() >= kTwoPartsFrom ? partner() : nullptr) {
    return write_in_parts(batch, keys, log, *second, seconds);
  }
  auto counts = write_whole(batch, keys, log, seconds);
  if (counts || !refused_by_store(conn_)) return counts;
  return write_refusing(batch, seconds, counts.error());
}

// Data exceptions (a value the server cannot take), integrity violations (NULL where the schema
// forbids it) and program limits (an index row or a search vector too large): one record's doing.
bool PgArticleWriter::refused_by_store(const Connection& conn) {
  const std::string& state = conn.last_sqlstate();
  return state.starts_with("22") || state.starts_with("23") || state.starts_with("54");
}

// `batch` failed for a record's sake, and nothing of it is written: written again by halves,
// each whole on one connection, without the records the store refuses.
Result<WriteCounts> PgArticleWriter::write_refusing(std::span<const ParsedFile> batch,
                                                    std::int64_t now, const Error& error) {
  auto attempt = [&](std::span<const ParsedFile> part, bool& refused) -> Result<WriteCounts> {
    auto counts = write_whole(part, batch_keys(part), stage_log(part), now);
    if (!counts) refused = refused_by_store(conn_);
    return counts;
  };
  return store::write_without_refused(batch, attempt, error);
}

// One transaction on one connection. Should another writer insert one of the URLs it drew an id
// for before its final rows reach the store, it is rolled back and written again through staging.
Result<WriteCounts> PgArticleWriter::write_whole(std::span<const ParsedFile> batch,
                                                 const BatchKeys& keys, const StagedLog& log,
                                                 std::int64_t now) {
  const PreparedPart prepared = prepare_articles(batch);
  bool raced = false;
  std::int64_t direct = 0;
  auto attempt = [&](bool final_rows) {
    return in_transaction(conn_, [&]() -> Result<WriteCounts> {
      auto prelude = write_prelude(conn_, keys, 1, final_rows, now);
      if (!prelude) return std::unexpected(prelude.error());
      if (after_prelude_) after_prelude_();
      const StagedBatch staged = stage_articles(prepared, final_rows ? &prelude->ids : nullptr);
      direct = staged.direct.counts.added;
      auto counts = write_part(conn_, staged, prelude->parts.front(), now, raced);
      if (!counts) return counts;
      if (auto r = write_log(conn_, log, now); !r) return std::unexpected(r.error());
      if (auto r = group_stories(conn_, batch); !r) return std::unexpected(r.error());
      return counts;
    });
  };
  auto counts = attempt(direct_);
  if (!counts && raced) counts = attempt(false);
  if (counts) written_directly_ += direct;
  return counts;
}

// Three kinds of transaction: the prelude, then the two parts at once (each on its connection and
// thread, staged there too), then the import log. Each commits on its own and none waits, holding
// locks, for another of this writer's, so concurrent writers cannot deadlock across the two
// connections where the server could not see it. A crash in between leaves articles written
// whose inputs are not yet logged: the next import parses those inputs again and finds them
// unchanged, as after any lost batch.
Result<WriteCounts> PgArticleWriter::write_in_parts(std::span<const ParsedFile> batch,
                                                    const BatchKeys& keys, const StagedLog& log,
                                                    Connection& second, std::int64_t now) {
  auto prelude =
      in_transaction(conn_, [&] { return write_prelude(conn_, keys, 2, direct_, now); });
  if (!prelude) return std::unexpected(prelude.error());
  if (after_prelude_) after_prelude_();
  // A part whose final rows lost a race to another writer is written again through staging.
  auto write = [&](Connection& conn, std::size_t part) -> Result<WriteCounts> {
    const PreparedPart prepared = prepare_articles(batch, part, 2);
    const DrawnIds& drawn = prelude->parts[part];
    bool raced = false;
    auto attempt = [&](const StoreIds* ids) {
      const StagedBatch staged = stage_articles(prepared, ids);
      auto counts =
          in_transaction(conn, [&] { return write_part(conn, staged, drawn, now, raced); });
      if (counts) written_directly_ += staged.direct.counts.added;
      return counts;
    };
    auto counts = attempt(direct_ ? &prelude->ids : nullptr);
    if (!counts && raced) return attempt(nullptr);
    return counts;
  };
  auto other = std::async(std::launch::async, write, std::ref(second), std::size_t{1});
  auto counts = write(conn_, 0);
  auto theirs = other.get();
  if (!counts || !theirs) {
    // A part that failed for a record's sake is written again without it, with the batch's
    // import log; the other part, when it was written, stays.
    const bool ours_refused = !counts && refused_by_store(conn_);
    const bool theirs_refused = !theirs && refused_by_store(second);
    if ((!counts && !ours_refused) || (!theirs && !theirs_refused))
      return !counts ? counts : theirs;
    WriteCounts written = counts ? *counts : theirs ? *theirs : WriteCounts{};
    std::vector<ParsedFile> failed = store::with_articles(batch, [&](const Article& a) {
      return url_part(a.canonical_url, 2) == 0 ? !counts : !theirs;
    });
    auto again = write_refusing(failed, now, !counts ? counts.error() : theirs.error());
    if (!again) return again;
    // The part that was written joins its stories too.
    auto grouped = in_transaction(conn_, [&]() -> Result<bool> {
      if (auto r = group_stories(conn_, batch); !r) return std::unexpected(r.error());
      return true;
    });
    if (!grouped) return std::unexpected(grouped.error());
    return written += *again;
  }
  auto logged = in_transaction(conn_, [&]() -> Result<bool> {
    if (auto r = write_log(conn_, log, now); !r) return std::unexpected(r.error());
    if (auto r = group_stories(conn_, batch); !r) return std::unexpected(r.error());
    return true;
  });
  if (!logged) return std::unexpected(logged.error());
  return *counts += *theirs;
}

Result<PgArticleWriter::Prelude> PgArticleWriter::write_prelude(Connection& conn,
                                                                const BatchKeys& keys,
                                                                std::size_t parts, bool direct,
                                                                std::int64_t now) {
  if (!keys.provider_names.empty()) {
    auto r = conn.exec_prepared("w_providers", kInsertProviders,
                                Params()
                                    .add(provider_ids_)
                                    .add(array_literal(keys.provider_names))
                                    .add(array_literal(keys.provider_domains))
                                    .add(array_literal(keys.provider_name_keys))
                                    .add(array_literal(keys.provider_domain_keys)));
    if (!r) return std::unexpected(r.error());
  }
  if (!keys.topic_names.empty()) {
    auto r = conn.exec_prepared(
        "w_topics", kInsertTopics,
        Params()
            .add(topic_ids_)
            .add(array_literal(keys.topic_names))
            .add(array_literal(keys.topic_keys)));
    if (!r) return std::unexpected(r.error());
  }
  Prelude out;
  out.parts.resize(parts);
  out.ids.now = now;
  if (keys.urls.empty()) return out;
  auto drawn = conn.exec_prepared("w_draw_ids", kDrawArticleIds,
                                  Params().add(article_ids_).add(array_literal(keys.urls)));
  if (!drawn) return std::unexpected(drawn.error());
  for (int i = 0; i < drawn->rows(); ++i) {
    DrawnIds& ids = out.parts[url_part(drawn->text(i, 0), parts)];
    ids.urls.emplace_back(drawn->text(i, 0));
    ids.ids.emplace_back(drawn->text(i, 1));
    if (direct) out.ids.articles.emplace(ids.urls.back(), drawn->int64(i, 1));
  }
  if (direct && !out.ids.articles.empty()) {
    if (auto r = read_store_ids(conn, keys, out.ids); !r) return std::unexpected(r.error());
  }
  return out;
}

// Providers and topics are never deleted, so their ids stay valid once read.
Result<void> PgArticleWriter::read_store_ids(Connection& conn, const BatchKeys& keys,
                                             StoreIds& ids) {
  auto at = [](const PgResult& rows, int i) {
    return static_cast<std::size_t>(rows.int64(i, 0) - 1);
  };
  if (!keys.provider_names.empty()) {
    auto rows = conn.exec_prepared("w_provider_ids", kProviderIds,
                                   Params()
                                       .add(array_literal(keys.provider_names))
                                       .add(array_literal(keys.provider_domains)));
    if (!rows) return std::unexpected(rows.error());
    for (int i = 0; i < rows->rows(); ++i) {
      const std::size_t n = at(*rows, i);
      ids.providers.emplace(std::pair(keys.provider_names[n], keys.provider_domains[n]),
                            rows->int64(i, 1));
    }
  }
  if (!keys.topic_keys.empty()) {
    auto rows = conn.exec_prepared("w_topic_ids", kTopicIds,
                                   Params().add(array_literal(keys.topic_keys)));
    if (!rows) return std::unexpected(rows.error());
    for (int i = 0; i < rows->rows(); ++i) {
      ids.topics.emplace(keys.topic_keys[at(*rows, i)], rows->int64(i, 1));
    }
  }
  return {};
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

Result<std::vector<std::string>> PgArticleWriter::failed_under(const std::string& folder) {
  sqlite::FolderRange range = sqlite::folder_range(folder);
  auto rows = conn_.exec_prepared("w_failed_under", kFailedUnder,
                                  Params().add(folder).add(range.below).add(range.past));
  if (!rows) return std::unexpected(rows.error());
  std::vector<std::string> out;
  for (int i = 0; i < rows->rows(); ++i) out.emplace_back(rows->text(i, 0));
  return out;
}

// Rows are locked in key order, as every writer's statements lock them (see the header).
Result<void> PgArticleWriter::forget_inputs(std::span<const std::string> paths) {
  if (paths.empty()) return {};
  const Params listed = Params().add(array_literal(paths));
  auto done = in_transaction(conn_, [&]() -> Result<bool> {
    if (auto r = run(conn_, {{"w_forget_files", kForgetFiles, listed, true},
                             {"w_forget_errors", kForgetErrors, listed, true}});
        !r) {
      return std::unexpected(r.error());
    }
    return true;
  });
  if (!done) return std::unexpected(done.error());
  return {};
}

Result<WriteCounts> PgArticleWriter::write_part(Connection& conn, const StagedBatch& staged,
                                                const DrawnIds& drawn, std::int64_t now,
                                                bool& raced) {
  // Final rows first: their inserts, like the staged ones', come before any row lock.
  if (auto r = write_final(conn, staged.direct, raced); !r) return std::unexpected(r.error());
  if (staged.articles.empty()) return staged.direct.counts;
  const std::string articles_copy = std::string("COPY pg_temp.stage_articles (") +
                                    kStageArticleColumns + ") FROM STDIN WITH (FORMAT binary)";
  if (auto r = copy_all<CopyBinary>(
          conn, {{staged.articles, articles_copy.c_str()},
                 {staged.topics, "COPY pg_temp.stage_topics FROM STDIN WITH (FORMAT binary)"},
                 {staged.images, "COPY pg_temp.stage_images FROM STDIN WITH (FORMAT binary)"},
                 {staged.related, "COPY pg_temp.stage_related FROM STDIN WITH (FORMAT binary)"}});
      !r) {
    return std::unexpected(r.error());
  }
  const Params stamped = Params().add(now);
  auto counts = upsert_articles(conn, staged, stamped, drawn);
  if (!counts) return counts;
  const Params none;
  if (auto r = run(conn, {{"w_del_topics", kDeleteOldTopics, none, true},
                          {"w_del_images", kDeleteOldImages, none, true},
                          {"w_del_related", kDeleteOldRelated, none, true},
                          {"w_ins_topics", kInsertArticleTopics, none, !staged.topics.empty()},
                          {"w_ins_images", kInsertImages, none, !staged.images.empty()},
                          {"w_ins_related", kInsertRelated, none, !staged.related.empty()}});
      !r) {
    return std::unexpected(r.error());
  }
  return *counts += staged.direct.counts;
}

// The articles COPYed in URL order (the lock order). A URL another writer inserted since the
// prelude fails the COPY with unique_violation (after waiting for that writer's transaction, as
// an INSERT would).
Result<void> PgArticleWriter::write_final(Connection& conn, const FinalRows& rows, bool& raced) {
  if (rows.articles.empty()) return {};
  const std::string articles_copy = std::string("COPY articles (") + kFinalArticleColumns +
                                    ") FROM STDIN WITH (FORMAT binary)";
  if (auto r = conn.copy_in(articles_copy, rows.articles.bytes()); !r) {
    raced = conn.last_sqlstate() == "23505";
    return std::unexpected(r.error());
  }
  return copy_all<CopyBinary>(
      conn,
      {{rows.topics, "COPY article_topics (article_id, topic_id, position, published_at) FROM "
                     "STDIN WITH (FORMAT binary)"},
       {rows.images, "COPY images (article_id, position, url, width, height, is_cached, extra) "
                     "FROM STDIN WITH (FORMAT binary)"},
       {rows.related, "COPY related (article_id, position, url, title, published_at, "
                      "provider_name, provider_domain, doc) FROM STDIN WITH (FORMAT binary)"}});
}

Result<void> PgArticleWriter::write_log(Connection& conn, const StagedLog& log, std::int64_t now) {
  if (auto r = copy_all<CopyText>(conn, {{log.files, "COPY pg_temp.stage_files FROM STDIN"},
                               {log.cleared, "COPY pg_temp.stage_cleared FROM STDIN"},
                               {log.errors, "COPY pg_temp.stage_errors FROM STDIN"}});
      !r) {
    return r;
  }
  const Params none;
  const Params stamped = Params().add(now);
  return run(conn, {{"w_files", kUpsertFiles, stamped, !log.files.empty()},
                    {"w_del_errors", kDeleteOldErrors, none, !log.cleared.empty()},
                    {"w_ins_errors", kInsertErrors, stamped, !log.errors.empty()}});
}

Result<WriteCounts> PgArticleWriter::upsert_articles(Connection& conn, const StagedBatch& staged,
                                                     const Params& stamped,
                                                     const DrawnIds& drawn) {
  WriteCounts counts;
  Params insert_params = stamped;
  insert_params.add(article_ids_).add(array_literal(drawn.urls)).add(array_literal(drawn.ids));
  auto inserted = conn.exec_prepared("w_insert_articles", kInsertArticles, insert_params);
  if (!inserted) return std::unexpected(inserted.error());
  auto stored = conn.exec_prepared("w_lock_stored", kLockStored, Params());
  if (!stored) return std::unexpected(stored.error());
  auto update = conn.exec_prepared("w_update_articles", kUpdateArticles, stamped);
  if (!update) return std::unexpected(update.error());

  // Each URL's first record against the store; the later ones against the record before them.
  for (const auto& [url, t] : staged.tallies) {
    counts.updated += t.later_updated;
    counts.unchanged += t.later_unchanged;
  }
  counts.added = inserted->rows();
  for (int i = 0; i < stored->rows(); ++i) {
    auto t = staged.tallies.find(std::string(stored->text(i, 0)));
    if (t == staged.tallies.end()) return fail(ErrorKind::kInternal, "stored URL not staged");
    ++(stored->text(i, 1) == t->second.first_hash ? counts.unchanged : counts.updated);
  }
  if (counts.added + stored->rows() != static_cast<std::int64_t>(staged.tallies.size())) {
    return fail(ErrorKind::kInternal, "an article was neither inserted nor found by its URL");
  }
  return counts;
}

}  // namespace newsdb::postgres
