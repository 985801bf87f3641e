#include "store/postgres/story_tables.hpp"

#include <algorithm>
#include <bit>
#include <limits>
#include <unordered_map>

#include "store/parsed_file.hpp"
#include "store/postgres/copy_text.hpp"
#include "story/story_title.hpp"

namespace newsdb::postgres {
namespace {

#define NEWSDB_STORY_DOC_COLUMNS                                                                   \
  "a.id, a.url, a.content_hash, m.story_id, m.content_hash, a.title, a.excerpt, a.published_at, " \
  "a.original_url, a.web_url, a.amp_web_url, a.cdn_amp_web_url"
#define NEWSDB_STORY_DOC_FROM " FROM articles a LEFT JOIN story_members m ON m.article_id = a.id"

constexpr const char* kCandidates =
    "SELECT " NEWSDB_STORY_DOC_COLUMNS
    " FROM articles a JOIN story_members m ON m.article_id = a.id WHERE a.id IN ("
    "SELECT article_id FROM ("
    " SELECT article_id FROM story_keys WHERE key = ANY ($1::bigint[])"
    " AND published_at BETWEEN $2 AND $3 AND article_id <> $4"
    " UNION"
    " SELECT article_id FROM story_keys WHERE key = ANY ($1::bigint[])"
    " AND published_at IS NULL AND article_id <> $4"
    ") c ORDER BY article_id LIMIT $5) ORDER BY a.id";
constexpr const char* kAtUrls = "SELECT " NEWSDB_STORY_DOC_COLUMNS NEWSDB_STORY_DOC_FROM
                                " WHERE a.url = ANY ($1::text[])";
constexpr const char* kUngrouped =
    "SELECT " NEWSDB_STORY_DOC_COLUMNS NEWSDB_STORY_DOC_FROM
    " WHERE a.id > $1 AND (m.content_hash IS NULL OR m.content_hash <> a.content_hash)"
    " ORDER BY a.id LIMIT $2";
constexpr const char* kHasOthers =
    "SELECT 1 FROM story_members WHERE story_id = $1 AND article_id <> $2 LIMIT 1";
constexpr const char* kNewStory =
    "WITH n AS (UPDATE story_state SET last_story = last_story + 1 RETURNING last_story)"
    " INSERT INTO stories (id, title, articles, providers) SELECT last_story, '', 0, 0 FROM n"
    " RETURNING id";
constexpr const char* kFile =
    "WITH gone AS (DELETE FROM story_keys WHERE article_id = $1),"
    " keys AS (INSERT INTO story_keys (key, published_at, article_id)"
    " SELECT k, $4, $1 FROM unnest($5::bigint[]) AS k)"
    " INSERT INTO story_members (article_id, story_id, content_hash, published_at)"
    " VALUES ($1, $2, $3, $4) ON CONFLICT (article_id) DO UPDATE SET story_id ="
    " excluded.story_id, content_hash = excluded.content_hash, published_at ="
    " excluded.published_at";
constexpr const char* kAggregate =
    "SELECT count(*), count(DISTINCT a.provider_id), min(m.published_at), max(m.published_at),"
    " max(a.heat) FROM story_members m JOIN articles a ON a.id = m.article_id"
    " WHERE m.story_id = $1";
constexpr const char* kTitles =
    "SELECT a.title FROM story_members m JOIN articles a ON a.id = m.article_id"
    " WHERE m.story_id = $1 ORDER BY m.published_at ASC NULLS LAST, a.id LIMIT 200";
constexpr const char* kUpdateStory =
    "UPDATE stories SET title = $2, articles = $3, providers = $4, first_published = $5,"
    " last_published = $6, heat = $7 WHERE id = $1";
constexpr const char* kDeleteStory = "DELETE FROM stories WHERE id = $1";

#undef NEWSDB_STORY_DOC_COLUMNS
#undef NEWSDB_STORY_DOC_FROM

std::vector<story::StoredDoc> read_docs(const PgResult& r) {
  std::vector<story::StoredDoc> out;
  out.reserve(static_cast<std::size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) {
    story::StoredDoc d;
    d.article_id = r.int64(i, 0);
    d.canonical_url = std::string(r.text(i, 1));
    d.content_hash = std::string(r.text(i, 2));
    d.story_id = r.opt_int64(i, 3);
    d.grouped_hash = r.opt_text(i, 4);
    d.fields.title = std::string(r.text(i, 5));
    d.fields.excerpt = r.opt_text(i, 6);
    if (auto t = r.opt_int64(i, 7)) d.fields.published_date_time = Timestamp(std::chrono::seconds(*t));
    d.fields.original_url = r.opt_text(i, 8);
    d.fields.web_url = r.opt_text(i, 9);
    d.fields.amp_web_url = r.opt_text(i, 10);
    d.fields.cdn_amp_web_url = r.opt_text(i, 11);
    out.push_back(std::move(d));
  }
  return out;
}

std::string key_array(std::span<const std::uint64_t> keys) {
  std::string out = "{";
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(std::bit_cast<std::int64_t>(keys[i]));
  }
  return out + "}";
}

std::optional<std::int64_t> seconds(const std::optional<Timestamp>& t) {
  if (!t) return std::nullopt;
  return t->time_since_epoch().count();
}

}  // namespace

Result<std::vector<story::Candidate>> PgStoryTables::candidates(
    std::span<const std::uint64_t> keys, std::optional<Timestamp> time, std::int64_t exclude) {
  std::vector<story::Candidate> out;
  if (keys.empty()) return out;
  std::int64_t from = std::numeric_limits<std::int64_t>::min();
  std::int64_t to = std::numeric_limits<std::int64_t>::max();
  if (time) {
    auto t = time->time_since_epoch().count();
    auto w = std::chrono::duration_cast<std::chrono::seconds>(story::kCandidateWindow).count();
    from = t - w;
    to = t + w;
  }
  auto r = conn_.exec_prepared("s_candidates", kCandidates,
                               Params()
                                   .add(key_array(keys))
                                   .add(from)
                                   .add(to)
                                   .add(exclude)
                                   .add(static_cast<std::int64_t>(story::kMaxCandidates)));
  if (!r) return std::unexpected(r.error());
  for (auto& d : read_docs(*r)) {
    out.push_back(story::Candidate{d.article_id, d.story_id.value_or(0), story::story_doc(d.fields)});
  }
  return out;
}

Result<std::vector<story::StoredDoc>> PgStoryTables::at_urls(
    std::span<const std::string> canonical_urls) {
  if (canonical_urls.empty()) return std::vector<story::StoredDoc>{};
  auto r = conn_.exec_prepared("s_at_urls", kAtUrls, Params().add(array_literal(canonical_urls)));
  if (!r) return std::unexpected(r.error());
  return read_docs(*r);
}

Result<std::vector<story::StoredDoc>> PgStoryTables::ungrouped(std::int64_t after,
                                                               std::size_t limit) {
  auto r = conn_.exec_prepared("s_ungrouped", kUngrouped,
                               Params().add(after).add(static_cast<std::int64_t>(limit)));
  if (!r) return std::unexpected(r.error());
  return read_docs(*r);
}

Result<bool> PgStoryTables::has_others(std::int64_t story_id, std::int64_t article_id) {
  auto r = conn_.exec_prepared("s_has_others", kHasOthers, Params().add(story_id).add(article_id));
  if (!r) return std::unexpected(r.error());
  return r->rows() > 0;
}

Result<std::int64_t> PgStoryTables::new_story() {
  auto r = conn_.exec_prepared("s_new_story", kNewStory, Params());
  if (!r) return std::unexpected(r.error());
  if (r->rows() != 1) return fail(ErrorKind::kStore, "the story_state row is missing; the store is damaged");
  return r->int64(0, 0);
}

Result<void> PgStoryTables::file(const story::StoredDoc& doc, std::int64_t story_id,
                                 std::span<const std::uint64_t> keys) {
  auto r = conn_.exec_prepared("s_file", kFile,
                               Params()
                                   .add(doc.article_id)
                                   .add(story_id)
                                   .add(doc.content_hash)
                                   .add(seconds(doc.fields.published_date_time))
                                   .add(key_array(keys)));
  if (!r) return std::unexpected(r.error());
  return {};
}

Result<void> PgStoryTables::refresh(std::span<const std::int64_t> story_ids) {
  for (auto id : story_ids) {
    auto a = conn_.exec_prepared("s_aggregate", kAggregate, Params().add(id));
    if (!a) return std::unexpected(a.error());
    std::int64_t articles = a->rows() > 0 ? a->int64(0, 0) : 0;
    if (articles == 0) {
      if (auto r = conn_.exec_prepared("s_delete_story", kDeleteStory, Params().add(id)); !r)
        return std::unexpected(r.error());
      continue;
    }
    auto t = conn_.exec_prepared("s_titles", kTitles, Params().add(id));
    if (!t) return std::unexpected(t.error());
    std::vector<std::string> titles;
    for (int i = 0; i < t->rows(); ++i) titles.emplace_back(t->text(i, 0));
    auto r = conn_.exec_prepared("s_update_story", kUpdateStory,
                                 Params()
                                     .add(id)
                                     .add(story::representative_title(titles))
                                     .add(articles)
                                     .add(a->int64(0, 1))
                                     .add(a->opt_int64(0, 2))
                                     .add(a->opt_int64(0, 3))
                                     .add(a->opt_int64(0, 4)));
    if (!r) return std::unexpected(r.error());
  }
  return {};
}

Result<bool> PgStoryTables::backfilled() {
  auto r = conn_.exec_prepared("s_backfilled", "SELECT backfilled FROM story_state", Params());
  if (!r) return std::unexpected(r.error());
  return r->rows() > 0 && r->boolean(0, 0);
}

Result<void> PgStoryTables::mark_backfilled() {
  auto r = conn_.exec_prepared("s_mark_backfilled", "UPDATE story_state SET backfilled = true",
                               Params());
  if (!r) return std::unexpected(r.error());
  return {};
}

std::vector<std::string> batch_urls(std::span<const ParsedFile> batch) {
  std::unordered_map<std::string_view, std::size_t> last;
  std::size_t n = 0;
  for (const auto& file : batch) {
    for (const auto& article : file.articles) {
      if (!article.canonical_url.empty()) last[article.canonical_url] = n;
      ++n;
    }
  }
  std::vector<std::pair<std::size_t, std::string_view>> order;
  order.reserve(last.size());
  for (const auto& [url, at] : last) order.emplace_back(at, url);
  std::sort(order.begin(), order.end());
  std::vector<std::string> out;
  out.reserve(order.size());
  for (const auto& [at, url] : order) out.emplace_back(url);
  return out;
}

Result<void> backfill_stories(Connection& conn) {
  PgStoryTables tables(conn);
  auto done = tables.backfilled();
  if (!done) return std::unexpected(done.error());
  if (*done) return {};
  auto tx = Transaction::begin(conn);
  if (!tx) return std::unexpected(tx.error());
  // One backfill at a time: the others wait here, then find it done.
  if (auto r = conn.exec("SELECT backfilled FROM story_state FOR UPDATE"); !r)
    return std::unexpected(r.error());
  if (auto r = story::group_ungrouped(tables); !r) return r;
  return tx->commit();
}

}  // namespace newsdb::postgres
