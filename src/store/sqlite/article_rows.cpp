#include "store/sqlite/article_rows.hpp"

#include <newsdb/url.hpp>
#include <unordered_set>

#include "store/name_key.hpp"
#include "store/refused_records.hpp"
#include "store/sqlite/related_doc.hpp"

namespace newsdb::sqlite {
namespace {

// The columns of `articles` both the insert and the update write, bound by number:
// ?1 url ... ?24 source_path, ?25 now, ?26 id (update only).
constexpr const char* kInsertArticle =
    "INSERT INTO articles (url, title, excerpt, body, published_at, original_url, web_url, "
    "amp_web_url, cdn_amp_web_url, category, category_key, type, type_key, quality, heat, "
    "published, provider_id, provider_extra, secured, topics, topics_text, extra, content_hash, "
    "source_path, first_seen_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
    "?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?25)";

constexpr const char* kUpdateArticle =
    "UPDATE articles SET (title, excerpt, body, published_at, original_url, web_url, "
    "amp_web_url, cdn_amp_web_url, category, category_key, type, type_key, quality, heat, "
    "published, provider_id, provider_extra, secured, topics, topics_text, extra, content_hash, "
    "source_path, updated_at) = (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
    "?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25) WHERE id = ?26";

std::optional<std::int64_t> seconds(const std::optional<Timestamp>& t) {
  if (!t) return std::nullopt;
  return t->time_since_epoch().count();
}

std::optional<std::string> key_of(const std::optional<std::string>& name) {
  if (!name) return std::nullopt;
  return store::name_key(*name);
}

// Unknown fields as JSON text; NULL when there are none.
std::optional<std::string> extra_json(const Json& extra) {
  if (extra.is_null() || (extra.is_object() && extra.empty())) return std::nullopt;
  return extra.dump();
}

std::optional<std::int64_t> flag(const std::optional<bool>& b) {
  if (!b) return std::nullopt;
  return *b ? 1 : 0;
}

// The topic list as a JSON array (the exact list) and as newline-joined text (for FTS).
void topic_texts(const std::vector<std::string>& topics, std::string& json, std::string& text) {
  json.clear();
  text.clear();
  if (topics.empty()) return;
  json = Json(topics).dump();
  for (const auto& t : topics) {
    if (!text.empty()) text += '\n';
    text += t;
  }
}

}  // namespace

Result<ArticleRows> ArticleRows::prepare(Database& db) {
  ArticleRows rows(db);
  struct Sql {
    std::optional<Statement>* slot;
    const char* text;
  };
  const Sql statements[] = {
      {&rows.find_, "SELECT id, content_hash FROM articles WHERE url = ?1"},
      {&rows.insert_, kInsertArticle},
      {&rows.update_, kUpdateArticle},
      {&rows.insert_topic_,
       "INSERT INTO article_topics (article_id, topic_id, position, published_at) "
       "VALUES (?1, ?2, ?3, ?4)"},
      {&rows.insert_image_,
       "INSERT INTO images (article_id, position, url, width, height, is_cached, extra) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
      {&rows.insert_related_,
       "INSERT INTO related (article_id, position, url, title, published_at, provider_name, "
       "provider_domain, doc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"},
      {&rows.delete_topics_, "DELETE FROM article_topics WHERE article_id = ?1"},
      {&rows.delete_images_, "DELETE FROM images WHERE article_id = ?1"},
      {&rows.delete_related_, "DELETE FROM related WHERE article_id = ?1"},
      {&rows.indexed_text_,
       "SELECT title, excerpt, body, topics_text FROM articles WHERE id = ?1"},
      {&rows.fts_insert_,
       "INSERT INTO articles_fts (rowid, title, excerpt, body, topics_text) "
       "VALUES (?1, ?2, ?3, ?4, ?5)"},
      {&rows.fts_delete_,
       "INSERT INTO articles_fts (articles_fts, rowid, title, excerpt, body, topics_text) "
       "VALUES ('delete', ?1, ?2, ?3, ?4, ?5)"},
  };
  for (const auto& s : statements) {
    auto stmt = db.prepare(s.text);
    if (!stmt) return std::unexpected(stmt.error());
    s.slot->emplace(std::move(*stmt));
  }
  return rows;
}

Result<std::optional<StoredArticleState>> ArticleRows::find(const std::string& canonical_url) {
  Statement& q = *find_;
  q.bind(1, canonical_url);
  auto row = q.step();
  if (!row) return std::unexpected(row.error());
  std::optional<StoredArticleState> out;
  if (*row) out = StoredArticleState{q.column_int(0), q.column_text(1)};
  q.reset();
  return out;
}

Result<void> ArticleRows::bind_article(Statement& s, const Article& a, const ArticleStamp& stamp,
                                       NameIds& names) {
  std::optional<std::int64_t> provider_id;
  std::optional<std::string> provider_extra;
  if (a.provider) {
    auto id = names.provider(*a.provider);
    if (!id) return std::unexpected(id.error());
    provider_id = *id;
    provider_extra = extra_json(a.provider->extra);
  }
  topic_texts(a.topics, topics_json_, topics_text_);
  // Views, not copies, of everything that outlives the statement's run (the article, the stamp,
  // the scratch buffers); computed values are copied.
  s.bind_view(1, a.canonical_url)
      .bind_view(2, a.title)
      .bind_view(3, a.excerpt)
      .bind_view(4, a.body)
      .bind(5, seconds(a.published_date_time))
      .bind_view(6, a.original_url)
      .bind_view(7, a.web_url)
      .bind_view(8, a.amp_web_url)
      .bind_view(9, a.cdn_amp_web_url)
      .bind_view(10, a.category)
      .bind(11, key_of(a.category))
      .bind_view(12, a.type)
      .bind(13, key_of(a.type))
      .bind(14, a.quality)
      .bind(15, a.heat)
      .bind(16, flag(a.published))
      .bind(17, provider_id)
      .bind(18, provider_extra)
      .bind_view(19, a.secured)
      .bind_view(21, topics_text_)
      .bind(22, extra_json(a.extra))
      .bind_view(23, stamp.content_hash)
      .bind_view(24, stamp.source_path)
      .bind(25, static_cast<std::int64_t>(stamp.now.time_since_epoch().count()));
  if (topics_json_.empty()) {
    s.bind_null(20);
  } else {
    s.bind_view(20, topics_json_);
  }
  if (store::refused_for_tests(a)) s.bind_null(21);  // the store refuses it (NOT NULL)
  return {};
}

Result<std::int64_t> ArticleRows::insert(const Article& article, const ArticleStamp& stamp,
                                         NameIds& names) {
  if (auto r = bind_article(*insert_, article, stamp, names); !r) {
    insert_->reset();
    return std::unexpected(r.error());
  }
  if (auto r = insert_->run(); !r) return std::unexpected(r.error());
  std::int64_t id = db_->last_insert_rowid();
  if (auto r = insert_children(id, article, names); !r) return std::unexpected(r.error());
  if (auto r = index_text(id, article); !r) return std::unexpected(r.error());
  return id;
}

Result<void> ArticleRows::update(std::int64_t id, const Article& article,
                                 const ArticleStamp& stamp, NameIds& names) {
  if (auto r = unindex_text(id); !r) return r;
  if (auto r = bind_article(*update_, article, stamp, names); !r) {
    update_->reset();
    return r;
  }
  update_->bind(26, id);
  if (auto r = update_->run(); !r) return r;
  if (auto r = delete_children(id); !r) return r;
  if (auto r = insert_children(id, article, names); !r) return r;
  return index_text(id, article);
}

Result<void> ArticleRows::insert_children(std::int64_t id, const Article& a, NameIds& names) {
  auto published_at = seconds(a.published_date_time);
  // One row per distinct topic key (the list itself, duplicates and spellings included, is in
  // articles.topics).
  std::unordered_set<std::int64_t> seen;
  std::int64_t position = 0;
  for (const auto& topic : a.topics) {
    auto topic_id = names.topic(topic, store::name_key(topic));
    if (!topic_id) return std::unexpected(topic_id.error());
    if (!seen.insert(*topic_id).second) continue;
    auto r = insert_topic_->bind(1, id).bind(2, *topic_id).bind(3, position++).bind(4, published_at)
                 .run();
    if (!r) return r;
  }
  for (std::size_t i = 0; i < a.images.size(); ++i) {
    const Image& image = a.images[i];
    auto r = insert_image_->bind(1, id)
                 .bind(2, static_cast<std::int64_t>(i))
                 .bind_view(3, image.url)
                 .bind(4, image.width)
                 .bind(5, image.height)
                 .bind(6, flag(image.is_cached))
                 .bind(7, extra_json(image.extra))
                 .run();
    if (!r) return r;
  }
  for (std::size_t i = 0; i < a.related.size(); ++i) {
    const RelatedArticle& related = a.related[i];
    write_related_doc(related, related_doc_);
    std::optional<std::string> provider_name, provider_domain;
    if (related.provider) {
      provider_name = related.provider->name;
      provider_domain = related.provider->domain;
    }
    auto r = insert_related_->bind(1, id)
                 .bind(2, static_cast<std::int64_t>(i))
                 .bind(3, canonical_url(related.primary_url()))
                 .bind_view(4, related.title)
                 .bind(5, seconds(related.published_date_time))
                 .bind(6, provider_name)
                 .bind(7, provider_domain)
                 .bind_view(8, related_doc_)
                 .run();
    if (!r) return r;
  }
  return {};
}

Result<void> ArticleRows::delete_children(std::int64_t id) {
  for (auto* s : {&*delete_topics_, &*delete_images_, &*delete_related_}) {
    if (auto r = s->bind(1, id).run(); !r) return r;
  }
  return {};
}

Result<void> ArticleRows::index_text(std::int64_t id, const Article& a) {
  // topics_text_ still holds this article's text: bind_article filled it.
  return fts_insert_->bind(1, id)
      .bind_view(2, a.title)
      .bind_view(3, a.excerpt)
      .bind_view(4, a.body)
      .bind_view(5, topics_text_)
      .run();
}

Result<void> ArticleRows::unindex_text(std::int64_t id) {
  Statement& q = *indexed_text_;
  q.bind(1, id);
  auto row = q.step();
  if (!row) return std::unexpected(row.error());
  if (!*row) {
    q.reset();
    return fail(ErrorKind::kInternal, "article " + std::to_string(id) + " vanished mid-write");
  }
  Statement& d = *fts_delete_;
  d.bind(1, id);
  for (int c = 0; c < 4; ++c) {
    if (q.is_null(c)) {
      d.bind_null(c + 2);
    } else {
      d.bind(c + 2, q.column_view(c));  // copied by SQLite before q moves on
    }
  }
  q.reset();
  return d.run();
}

}  // namespace newsdb::sqlite
