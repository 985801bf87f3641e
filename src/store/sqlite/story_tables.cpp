#include "store/sqlite/story_tables.hpp"

#include <bit>
#include <limits>
#include <string>

#include "story/story_title.hpp"

namespace newsdb::sqlite {
namespace {

// The article columns a StoredDoc needs, after the id (column 0) of `a` and its member row `m`.
#define NEWSDB_STORY_DOC_COLUMNS                                                                   \
  "a.id, a.url, a.content_hash, m.story_id, m.content_hash, a.title, a.excerpt, a.published_at, " \
  "a.original_url, a.web_url, a.amp_web_url, a.cdn_amp_web_url"

constexpr std::string_view kDocFrom =
    " FROM articles a LEFT JOIN story_members m ON m.article_id = a.id";

// The candidates: the article ids filed under any of ?1..?13 within [?14, ?15] or undated, ?16
// left out, the first kMaxCandidates by id.
constexpr std::string_view kCandidates =
    "SELECT " NEWSDB_STORY_DOC_COLUMNS
    " FROM articles a JOIN story_members m ON m.article_id = a.id WHERE a.id IN ("
    "SELECT article_id FROM ("
    " SELECT article_id FROM story_keys WHERE key IN (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
    "?11, ?12, ?13) AND published_at BETWEEN ?14 AND ?15 AND article_id <> ?16"
    " UNION"
    " SELECT article_id FROM story_keys WHERE key IN (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
    "?11, ?12, ?13) AND published_at IS NULL AND article_id <> ?16"
    ") ORDER BY article_id LIMIT ?17) ORDER BY a.id";

story::StoredDoc read_doc(const Statement& s) {
  story::StoredDoc d;
  d.article_id = s.column_int(0);
  d.canonical_url = s.column_text(1);
  d.content_hash = s.column_text(2);
  d.story_id = s.column_optional_int(3);
  d.grouped_hash = s.column_optional_text(4);
  d.fields.title = s.column_text(5);
  d.fields.excerpt = s.column_optional_text(6);
  if (auto t = s.column_optional_int(7)) d.fields.published_date_time = Timestamp(std::chrono::seconds(*t));
  d.fields.original_url = s.column_optional_text(8);
  d.fields.web_url = s.column_optional_text(9);
  d.fields.amp_web_url = s.column_optional_text(10);
  d.fields.cdn_amp_web_url = s.column_optional_text(11);
  return d;
}

Result<std::vector<story::StoredDoc>> read_docs(Statement& s) {
  std::vector<story::StoredDoc> out;
  for (;;) {
    auto row = s.step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    out.push_back(read_doc(s));
  }
  s.reset();
  return out;
}

std::optional<std::int64_t> seconds(const std::optional<Timestamp>& t) {
  if (!t) return std::nullopt;
  return t->time_since_epoch().count();
}

}  // namespace

Result<SqliteStoryTables> SqliteStoryTables::prepare(Database& db) {
  SqliteStoryTables t(db);
  const std::string doc_select = std::string("SELECT " NEWSDB_STORY_DOC_COLUMNS) + std::string(kDocFrom);
  struct Sql {
    std::optional<Statement>* slot;
    std::string text;
  };
  const Sql statements[] = {
      {&t.candidates_, std::string(kCandidates)},
      {&t.at_url_, doc_select + " WHERE a.url = ?1"},
      {&t.ungrouped_, doc_select + " WHERE a.id > ?1 AND (m.content_hash IS NULL OR "
                                   "m.content_hash <> a.content_hash) ORDER BY a.id LIMIT ?2"},
      {&t.has_others_,
       "SELECT 1 FROM story_members WHERE story_id = ?1 AND article_id <> ?2 LIMIT 1"},
      {&t.next_id_, "UPDATE story_state SET last_story = last_story + 1 RETURNING last_story"},
      {&t.insert_story_,
       "INSERT INTO stories (id, title, articles, providers) VALUES (?1, '', 0, 0)"},
      {&t.delete_keys_, "DELETE FROM story_keys WHERE article_id = ?1"},
      {&t.insert_key_, "INSERT INTO story_keys (key, published_at, article_id) VALUES (?1, ?2, ?3)"},
      {&t.upsert_member_,
       "INSERT INTO story_members (article_id, story_id, content_hash, published_at) "
       "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (article_id) DO UPDATE SET story_id = "
       "excluded.story_id, content_hash = excluded.content_hash, published_at = "
       "excluded.published_at"},
      {&t.aggregate_,
       "SELECT count(*), count(DISTINCT a.provider_id), min(m.published_at), "
       "max(m.published_at), max(a.heat) FROM story_members m JOIN articles a ON a.id = "
       "m.article_id WHERE m.story_id = ?1"},
      {&t.titles_,
       "SELECT a.title FROM story_members m JOIN articles a ON a.id = m.article_id "
       "WHERE m.story_id = ?1 ORDER BY m.published_at IS NULL, m.published_at, a.id LIMIT 200"},
      {&t.update_story_,
       "UPDATE stories SET title = ?2, articles = ?3, providers = ?4, first_published = ?5, "
       "last_published = ?6, heat = ?7 WHERE id = ?1"},
      {&t.delete_story_, "DELETE FROM stories WHERE id = ?1"},
      {&t.backfilled_, "SELECT backfilled FROM story_state"},
      {&t.mark_backfilled_, "UPDATE story_state SET backfilled = 1"},
  };
  for (const auto& s : statements) {
    auto stmt = db.prepare(s.text);
    if (!stmt) return std::unexpected(stmt.error());
    s.slot->emplace(std::move(*stmt));
  }
  return t;
}

Result<std::vector<story::Candidate>> SqliteStoryTables::candidates(
    std::span<const std::uint64_t> keys, std::optional<Timestamp> time, std::int64_t exclude) {
  std::vector<story::Candidate> out;
  if (keys.empty()) return out;
  Statement& q = *candidates_;
  // Unused placeholders repeat the first key.
  for (int i = 0; i < static_cast<int>(story::kMaxIndexKeys); ++i) {
    auto key = keys[static_cast<std::size_t>(i) < keys.size() ? static_cast<std::size_t>(i) : 0];
    q.bind(i + 1, std::bit_cast<std::int64_t>(key));
  }
  std::int64_t from = std::numeric_limits<std::int64_t>::min();
  std::int64_t to = std::numeric_limits<std::int64_t>::max();
  if (time) {
    auto t = time->time_since_epoch().count();
    auto w = std::chrono::duration_cast<std::chrono::seconds>(story::kCandidateWindow).count();
    from = t - w;
    to = t + w;
  }
  q.bind(14, from).bind(15, to).bind(16, exclude).bind(17, static_cast<std::int64_t>(story::kMaxCandidates));
  auto docs = read_docs(q);
  if (!docs) return std::unexpected(docs.error());
  out.reserve(docs->size());
  for (auto& d : *docs) {
    out.push_back(story::Candidate{d.article_id, d.story_id.value_or(0), story::story_doc(d.fields)});
  }
  return out;
}

Result<std::vector<story::StoredDoc>> SqliteStoryTables::at_urls(
    std::span<const std::string> canonical_urls) {
  std::vector<story::StoredDoc> out;
  for (const auto& url : canonical_urls) {
    at_url_->bind_view(1, url);
    auto docs = read_docs(*at_url_);
    if (!docs) return std::unexpected(docs.error());
    for (auto& d : *docs) out.push_back(std::move(d));
  }
  return out;
}

Result<std::vector<story::StoredDoc>> SqliteStoryTables::ungrouped(std::int64_t after,
                                                                   std::size_t limit) {
  ungrouped_->bind(1, after).bind(2, static_cast<std::int64_t>(limit));
  return read_docs(*ungrouped_);
}

Result<bool> SqliteStoryTables::has_others(std::int64_t story_id, std::int64_t article_id) {
  Statement& q = *has_others_;
  q.bind(1, story_id).bind(2, article_id);
  auto row = q.step();
  if (!row) return std::unexpected(row.error());
  q.reset();
  return *row;
}

Result<std::int64_t> SqliteStoryTables::new_story() {
  Statement& q = *next_id_;
  auto row = q.step();
  if (!row) return std::unexpected(row.error());
  if (!*row) {
    q.reset();
    return fail(ErrorKind::kStore, "the story_state row is missing; the store is damaged");
  }
  std::int64_t id = q.column_int(0);
  q.reset();
  if (auto r = insert_story_->bind(1, id).run(); !r) return std::unexpected(r.error());
  return id;
}

Result<void> SqliteStoryTables::file(const story::StoredDoc& doc, std::int64_t story_id,
                                     std::span<const std::uint64_t> keys) {
  if (auto r = delete_keys_->bind(1, doc.article_id).run(); !r) return r;
  auto published = seconds(doc.fields.published_date_time);
  for (auto key : keys) {
    auto r = insert_key_->bind(1, std::bit_cast<std::int64_t>(key))
                 .bind(2, published)
                 .bind(3, doc.article_id)
                 .run();
    if (!r) return r;
  }
  return upsert_member_->bind(1, doc.article_id)
      .bind(2, story_id)
      .bind_view(3, doc.content_hash)
      .bind(4, published)
      .run();
}

Result<void> SqliteStoryTables::refresh(std::span<const std::int64_t> story_ids) {
  for (auto id : story_ids) {
    Statement& a = *aggregate_;
    a.bind(1, id);
    auto row = a.step();
    if (!row) return std::unexpected(row.error());
    std::int64_t articles = *row ? a.column_int(0) : 0;
    if (articles == 0) {
      a.reset();
      if (auto r = delete_story_->bind(1, id).run(); !r) return r;
      continue;
    }
    std::int64_t providers = a.column_int(1);
    auto first = a.column_optional_int(2);
    auto last = a.column_optional_int(3);
    auto heat = a.column_optional_int(4);
    a.reset();
    std::vector<std::string> titles;
    Statement& t = *titles_;
    t.bind(1, id);
    for (;;) {
      auto more = t.step();
      if (!more) return std::unexpected(more.error());
      if (!*more) break;
      titles.push_back(t.column_text(0));
    }
    t.reset();
    auto r = update_story_->bind(1, id)
                 .bind(2, story::representative_title(titles))
                 .bind(3, articles)
                 .bind(4, providers)
                 .bind(5, first)
                 .bind(6, last)
                 .bind(7, heat)
                 .run();
    if (!r) return r;
  }
  return {};
}

Result<bool> SqliteStoryTables::backfilled() {
  Statement& q = *backfilled_;
  auto row = q.step();
  if (!row) return std::unexpected(row.error());
  bool done = *row && q.column_int(0) != 0;
  q.reset();
  return done;
}

Result<void> SqliteStoryTables::mark_backfilled() { return mark_backfilled_->run(); }

Result<void> backfill_stories(Database& db) {
  {
    auto check = db.prepare("SELECT backfilled FROM story_state");
    if (!check) return std::unexpected(check.error());
    auto row = check->step();
    if (!row) return std::unexpected(row.error());
    if (*row && check->column_int(0) != 0) return {};
  }
  auto tx = Transaction::begin(db);
  if (!tx) return std::unexpected(tx.error());
  auto tables = SqliteStoryTables::prepare(db);
  if (!tables) return std::unexpected(tables.error());
  if (auto r = story::group_ungrouped(*tables); !r) return r;
  return tx->commit();
}

}  // namespace newsdb::sqlite
