#include "store/sqlite/schema.hpp"

#include <sqlite3.h>

#include <array>
#include <chrono>
#include <string>
#include <string_view>
#include <thread>

namespace newsdb::sqlite {
namespace {

// Migration 1: the normalised store.
//
// Why the shape:
// - articles.url is the canonical URL, the identity; the last write wins.
// - published_at is UTC seconds; NULL sorts last in "newest" (DESC) order.
// - article_topics repeats the article's published_at so that "newest N on topic T" is read from
//   the (topic_id, published_at) index in order instead of sorting every match; ties on the same
//   second are broken by url (a small sort over equal keys only).
// - *_key columns hold the folded name that filters compare against (store/name_key.hpp: SQLite's
//   lower() is ASCII only, so the writer folds in C++ and readers fold the user's value the same
//   way).
// - articles.topics is the article's topic list exactly as written (a JSON array of strings, NULL
//   when empty): topics.name keeps the first spelling seen of a key, and an article may list two
//   spellings of one key, so article_topics (one row per distinct key, the index) cannot give the
//   list back. topics_text is the list joined by newlines, for the full-text index only.
// - articles_fts is an external-content FTS5 table over articles (title, excerpt, body,
//   topics_text): snippets read the text from articles; the writer feeds it per batch and must
//   issue the 'delete' command with the old values before changing or removing an article.
// - NULL means absent everywhere: provider_id NULL is no provider; extra / provider_extra /
//   images.extra hold unknown fields as a JSON object in input order, NULL when there are none.
// - related.doc holds the whole related entry as JSON in the article format (sqlite/related_doc.hpp)
//   so it round-trips exactly; related.url is its canonical URL (NULL when it has none), to be
//   joined with articles.url. No index on it: every question asks for an article's related
//   entries, never the reverse, and each index costs the writer time.
// - content_hash (store/content_hash.hpp) tells an unchanged article from an updated one.
// - import_files.articles is how many articles the input held, so a skipped input still counts
//   them as unchanged; import_errors holds the diagnostics of inputs whose last import failed.
constexpr std::string_view kMigration1 = R"sql(
CREATE TABLE providers (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  domain      TEXT NOT NULL,
  name_key    TEXT NOT NULL,
  domain_key  TEXT NOT NULL,
  UNIQUE (name, domain)
);
CREATE INDEX providers_by_name_key ON providers(name_key);
CREATE INDEX providers_by_domain_key ON providers(domain_key);

CREATE TABLE topics (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL,
  name_key  TEXT NOT NULL UNIQUE
);

CREATE TABLE articles (
  id               INTEGER PRIMARY KEY,
  url              TEXT NOT NULL UNIQUE,
  title            TEXT NOT NULL,
  excerpt          TEXT,
  body             TEXT,
  published_at     INTEGER,
  original_url     TEXT,
  web_url          TEXT,
  amp_web_url      TEXT,
  cdn_amp_web_url  TEXT,
  category         TEXT,
  category_key     TEXT,
  type             TEXT,
  type_key         TEXT,
  quality          INTEGER,
  heat             INTEGER,
  published        INTEGER,
  provider_id      INTEGER REFERENCES providers(id),
  provider_extra   TEXT,
  secured          TEXT,
  topics           TEXT,
  topics_text      TEXT NOT NULL DEFAULT '',
  extra            TEXT,
  content_hash     TEXT NOT NULL,
  source_path      TEXT,
  first_seen_at    INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL
);
CREATE INDEX articles_by_published ON articles(published_at);
CREATE INDEX articles_by_provider ON articles(provider_id, published_at);
CREATE INDEX articles_by_category ON articles(category_key, published_at);
CREATE INDEX articles_by_heat ON articles(heat);
CREATE INDEX articles_by_quality ON articles(quality);

CREATE TABLE article_topics (
  article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  topic_id      INTEGER NOT NULL REFERENCES topics(id),
  position      INTEGER NOT NULL,
  published_at  INTEGER,
  PRIMARY KEY (article_id, topic_id)
) WITHOUT ROWID;
CREATE INDEX article_topics_by_topic ON article_topics(topic_id, published_at);

CREATE TABLE images (
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  url         TEXT NOT NULL,
  width       INTEGER,
  height      INTEGER,
  is_cached   INTEGER,
  extra       TEXT,
  PRIMARY KEY (article_id, position)
) WITHOUT ROWID;

CREATE TABLE related (
  article_id       INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  position         INTEGER NOT NULL,
  url              TEXT,
  title            TEXT NOT NULL,
  published_at     INTEGER,
  provider_name    TEXT,
  provider_domain  TEXT,
  doc              TEXT NOT NULL,
  PRIMARY KEY (article_id, position)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, excerpt, body, topics_text,
  content = 'articles', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE import_files (
  path          TEXT PRIMARY KEY,
  size          INTEGER NOT NULL,
  mtime_ns      INTEGER NOT NULL,
  content_hash  TEXT NOT NULL,
  outcome       TEXT NOT NULL CHECK (outcome IN ('imported', 'skipped', 'failed')),
  articles      INTEGER NOT NULL DEFAULT 0,
  imported_at   INTEGER NOT NULL
);

CREATE TABLE import_errors (
  id           INTEGER PRIMARY KEY,
  path         TEXT NOT NULL,
  line         INTEGER NOT NULL,
  column       INTEGER NOT NULL,
  field        TEXT NOT NULL,
  message      TEXT NOT NULL,
  recorded_at  INTEGER NOT NULL
);
CREATE INDEX import_errors_by_path ON import_errors(path);

CREATE TABLE sources (
  id              INTEGER PRIMARY KEY,
  url             TEXT NOT NULL UNIQUE,
  title           TEXT,
  every_seconds   INTEGER NOT NULL,
  etag            TEXT,
  last_modified   TEXT,
  last_fetch_at   INTEGER,
  last_status     INTEGER,
  last_new_items  INTEGER NOT NULL DEFAULT 0,
  error_count     INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT,
  next_due_at     INTEGER,
  created_at      INTEGER NOT NULL
);
)sql";

// Migration 2 (import speed; measured in bench/RESULTS.md):
// - related becomes a rowid table. Its rows carry the whole entry as JSON (~0.6 KB, ~0.9 KB with
//   the columns), too large for WITHOUT ROWID, whose B-tree keeps each whole row in the key
//   (SQLite advises it only for rows under ~1/20 of a page): they spilled to overflow pages, and
//   related took 232 MB of a 100k store, nearly as much as articles. (article_id, position) stays
//   unique and is the index every reader walks.
// - FTS5 merge settings: the writer feeds the index per batch, so each commit flushes the pending
//   terms into new level-0 segments and automerge folds them upwards. automerge 8 (default 4)
//   merges half as often during an import at the cost of more, smaller segments for a search to
//   read; hashsize 8 MB (default 1 MB) lets a whole batch's terms become one segment instead of
//   several. Together they cut the index's share of the writer's CPU by about a third.
constexpr std::string_view kMigration2 = R"sql(
CREATE TABLE related_v2 (
  article_id       INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  position         INTEGER NOT NULL,
  url              TEXT,
  title            TEXT NOT NULL,
  published_at     INTEGER,
  provider_name    TEXT,
  provider_domain  TEXT,
  doc              TEXT NOT NULL,
  UNIQUE (article_id, position)
);
INSERT INTO related_v2 (article_id, position, url, title, published_at, provider_name,
                        provider_domain, doc)
  SELECT article_id, position, url, title, published_at, provider_name, provider_domain, doc
  FROM related ORDER BY article_id, position;
DROP TABLE related;
ALTER TABLE related_v2 RENAME TO related;

INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 8);
INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 8388608);
)sql";

// Migration 3: search that finds what a reader means (docs/search.md). articles_fts is rebuilt
// with the "newsdb" tokenizer (sqlite/fts_tokenizer.hpp): character pairs in scripts written
// without spaces, English stems beside the words, joined forms such as c++ and u.s. The index is
// refilled from the stored rows ('rebuild' reads the external content table), so an existing
// store keeps every article searchable; its merge settings are those of migration 2.
constexpr std::string_view kMigration3 = R"sql(
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, excerpt, body, topics_text,
  content = 'articles', content_rowid = 'id',
  tokenize = 'newsdb'
);
INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 8);
INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 8388608);
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
)sql";

// Migration 4: stories (src/story/: one story per article, grouped at import).
// - story_members is the grouping's record of each article: its story and the content hash of the
//   version that was grouped. An article whose stored content_hash differs (or that has no row) is
//   grouped again by the next write that meets it; an existing store's articles all start so and
//   are grouped on its first opening for writing (story_state.backfilled).
// - story_keys is the candidate index: one row per index key of an article (story_doc.hpp), with
//   its publication time, so that a new article's candidates are found by key within a time window
//   (story_keys_by_key) and never by scanning; story_keys_by_article replaces an article's keys.
// - stories holds what lists show and sort by, refreshed for every story a batch touches; a story
//   whose last article left it is deleted. Ids come from story_state.last_story (never reused).
constexpr std::string_view kMigrationStories = R"sql(
CREATE TABLE stories (
  id               INTEGER PRIMARY KEY,
  title            TEXT NOT NULL,
  articles         INTEGER NOT NULL,
  providers        INTEGER NOT NULL,
  first_published  INTEGER,
  last_published   INTEGER,
  heat             INTEGER
);
CREATE INDEX stories_by_last ON stories(last_published);
CREATE INDEX stories_by_size ON stories(articles, last_published);
CREATE INDEX stories_by_heat ON stories(heat);

CREATE TABLE story_members (
  article_id    INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  story_id      INTEGER NOT NULL,
  content_hash  TEXT NOT NULL,
  published_at  INTEGER
);
CREATE INDEX story_members_by_story ON story_members(story_id, published_at);

CREATE TABLE story_keys (
  key           INTEGER NOT NULL,
  published_at  INTEGER,
  article_id    INTEGER NOT NULL
);
CREATE INDEX story_keys_by_key ON story_keys(key, published_at);
CREATE INDEX story_keys_by_article ON story_keys(article_id);

CREATE TABLE story_state (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  last_story  INTEGER NOT NULL,
  backfilled  INTEGER NOT NULL
);
INSERT INTO story_state (id, last_story, backfilled) VALUES (1, 0, 0);
)sql";

constexpr std::array<std::string_view, 4> kMigrations = {kMigration1, kMigration2, kMigration3,
                                                         kMigrationStories};


// The page size of a new store: 8 KB pages hold an article row with its text on fewer pages and
// make the B-trees shallower than SQLite's 4 KB default (~5% less writing work, ~12% smaller).
// It can only be set before the first table exists (and before WAL mode is entered).
constexpr std::string_view kNewStorePageSize = "PRAGMA page_size = 8192";

Result<std::int64_t> pragma_int(Database& db, std::string_view pragma) {
  auto stmt = db.prepare(std::string("PRAGMA ") + std::string(pragma));
  if (!stmt) return std::unexpected(stmt.error());
  auto row = stmt->step();
  if (!row) return std::unexpected(row.error());
  return *row ? stmt->column_int(0) : 0;
}

// What a file's header says: its application id, schema version and how many times its schema
// changed (0 for a brand-new, empty file).
struct Header {
  std::int64_t app_id = 0;
  std::int64_t version = 0;
  std::int64_t objects = 0;
};

// The header, read in one snapshot: importers started together on a new path create the store at
// the same moment, and values read one by one could pair the empty file's application id with the
// finished schema ("not a newsdb database").
Result<Header> read_header(Database& db) {
  auto tx = Transaction::begin(db, Transaction::Kind::kDeferred);
  if (!tx) return std::unexpected(tx.error());
  // Reading the header also tells a file that is not SQLite at all ("file is not a database").
  auto app_id = pragma_int(db, "application_id");
  if (!app_id && (db.error_code() & 0xff) == SQLITE_NOTADB) {
    return fail(ErrorKind::kStore, db.path() + " is not a newsdb database (" +
                                       app_id.error().message + "); pass another --db path");
  }
  // Anything else (a read-only folder, an I/O error) is said as it is, not as "not newsdb".
  if (!app_id) {
    return fail(app_id.error().kind, "cannot read " + db.path() + ": " + app_id.error().message);
  }
  auto version = pragma_int(db, "user_version");
  if (!version) return std::unexpected(version.error());
  auto objects = pragma_int(db, "schema_version");
  if (!objects) return std::unexpected(objects.error());
  if (auto r = tx->commit(); !r) return std::unexpected(r.error());
  return Header{*app_id, *version, *objects};
}

// Switches the file to WAL. That takes an exclusive lock, which SQLite does not wait for with the
// busy handler while another connection reads or creates the file (importers started together on
// a new path): SQLITE_BUSY is retried here, for as long as the busy timeout.
Result<void> enter_wal(Database& db) {
  using namespace std::chrono;
  auto deadline = steady_clock::now() + milliseconds(kBusyTimeoutMs);
  for (;;) {
    auto r = db.exec("PRAGMA journal_mode = WAL");
    if (r || (db.error_code() & 0xff) != SQLITE_BUSY || steady_clock::now() > deadline) return r;
    std::this_thread::sleep_for(milliseconds(5));
  }
}

}  // namespace

int latest_schema_version() { return static_cast<int>(kMigrations.size()); }

std::string_view migration_sql(int version) {
  if (version < 1 || version > latest_schema_version()) return {};
  return kMigrations[static_cast<std::size_t>(version - 1)];
}

Result<void> prepare_schema(Database& db, Database::Access access) {
  auto header = read_header(db);
  if (!header) return std::unexpected(header.error());
  bool empty = header->objects == 0;
  if (!empty && header->app_id != kApplicationId) {
    return fail(ErrorKind::kStore,
                db.path() + " is a SQLite database but not a newsdb one; pass another --db path");
  }
  if (header->version > latest_schema_version()) {
    return fail(ErrorKind::kStore,
                db.path() + " was written by a newer newsdb (schema " +
                    std::to_string(header->version) +
                    ", this build knows " + std::to_string(latest_schema_version()) +
                    "); upgrade newsdb to use it");
  }

  if (access == Database::Access::kReadWrite) {
    if (empty) {
      if (auto r = db.exec(kNewStorePageSize); !r) return r;
    }
    if (auto r = enter_wal(db); !r) return r;
  }
  if (auto r = db.exec("PRAGMA synchronous = NORMAL"); !r) return r;

  if (header->version == latest_schema_version()) return {};
  if (access == Database::Access::kReadOnly) {
    return fail(ErrorKind::kStore, empty ? db.path() + " is empty: run `newsdb import` first"
                                         : db.path() + " needs an upgrade: run `newsdb import` once "
                                                       "(any source; an empty folder will do) to "
                                                       "migrate it");
  }

  auto tx = Transaction::begin(db);
  if (!tx) return std::unexpected(tx.error());
  // Re-read inside the write lock: another process may have migrated meanwhile.
  auto current = pragma_int(db, "user_version");
  if (!current) return std::unexpected(current.error());
  for (auto v = *current; v < latest_schema_version(); ++v) {
    if (auto r = db.exec(kMigrations[static_cast<std::size_t>(v)]); !r) {
      return fail(r.error().kind, "migrating the schema to version " + std::to_string(v + 1) +
                                      ": " + r.error().message);
    }
  }
  auto mark = db.exec("PRAGMA application_id = " + std::to_string(kApplicationId) +
                      "; PRAGMA user_version = " + std::to_string(latest_schema_version()));
  if (!mark) return mark;
  return tx->commit();
}

}  // namespace newsdb::sqlite
