#include "store/sqlite/article_loader.hpp"

#include <newsdb/article_json.hpp>

namespace newsdb::sqlite {
namespace {

constexpr std::string_view kArticleSql =
    "SELECT a.url, a.title, a.excerpt, a.body, a.published_at, a.original_url, a.web_url, "
    "a.amp_web_url, a.cdn_amp_web_url, a.category, a.type, a.quality, a.heat, a.published, "
    "a.provider_id, p.name, p.domain, a.provider_extra, a.secured, a.extra, a.topics, sm.story_id "
    "FROM articles a LEFT JOIN providers p ON p.id = a.provider_id "
    "LEFT JOIN story_members sm ON sm.article_id = a.id WHERE a.id = ?";
constexpr std::string_view kImagesSql =
    "SELECT url, width, height, is_cached, extra FROM images WHERE article_id = ? ORDER BY position";
constexpr std::string_view kRelatedSql =
    "SELECT doc FROM related WHERE article_id = ? ORDER BY position";

Result<Statement*> ready(Database& db, std::optional<Statement>& slot, std::string_view sql,
                         std::int64_t id) {
  if (!slot) {
    auto stmt = db.prepare(sql);
    if (!stmt) return std::unexpected(stmt.error());
    slot.emplace(std::move(*stmt));
  }
  slot->reset();
  slot->bind(1, id);
  return &*slot;
}

std::optional<bool> optional_bool(const Statement& s, int column) {
  if (s.is_null(column)) return std::nullopt;
  return s.column_int(column) != 0;
}

Error corrupt(std::int64_t id, const std::string& what) {
  return Error{ErrorKind::kStore, "article " + std::to_string(id) + ": " + what +
                                      "; re-import its file to repair it"};
}

Result<std::vector<std::string>> topic_list(std::string_view text) {
  std::vector<std::string> topics;
  if (text.empty()) return topics;
  Json list = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (list.is_discarded() || !list.is_array()) return fail(ErrorKind::kStore, "stored topics are not a JSON list");
  for (const auto& t : list) {
    if (!t.is_string()) return fail(ErrorKind::kStore, "a stored topic is not a string");
    topics.push_back(t.get<std::string>());
  }
  return topics;
}

}  // namespace

Result<Json> json_object_column(std::string_view text, std::string_view what) {
  if (text.empty()) return Json::object();
  Json value = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded() || !value.is_object()) {
    return fail(ErrorKind::kStore, "stored " + std::string(what) + " is not a JSON object");
  }
  return value;
}

Result<std::optional<StoredArticle>> ArticleLoader::load(std::int64_t id, Detail detail) {
  auto stmt = ready(db_, article_, kArticleSql, id);
  if (!stmt) return std::unexpected(stmt.error());
  Statement& s = **stmt;
  auto row = s.step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::nullopt;

  StoredArticle out;
  out.id = id;
  Article& a = out.article;
  a.canonical_url = s.column_text(0);
  a.title = s.column_text(1);
  a.excerpt = s.column_optional_text(2);
  a.body = s.column_optional_text(3);
  if (auto t = s.column_optional_int(4)) a.published_date_time = Timestamp(std::chrono::seconds(*t));
  a.original_url = s.column_optional_text(5);
  a.web_url = s.column_optional_text(6);
  a.amp_web_url = s.column_optional_text(7);
  a.cdn_amp_web_url = s.column_optional_text(8);
  a.category = s.column_optional_text(9);
  a.type = s.column_optional_text(10);
  a.quality = s.column_optional_int(11);
  a.heat = s.column_optional_int(12);
  a.published = optional_bool(s, 13);
  if (!s.is_null(14)) {
    Provider p;
    p.name = s.column_text(15);
    p.domain = s.column_text(16);
    auto extra = json_object_column(s.column_view(17), "provider fields");
    if (!extra) return std::unexpected(corrupt(id, extra.error().message));
    p.extra = std::move(*extra);
    a.provider = std::move(p);
  }
  a.secured = s.column_optional_text(18);
  auto extra = json_object_column(s.column_view(19), "unknown fields");
  if (!extra) return std::unexpected(corrupt(id, extra.error().message));
  a.extra = std::move(*extra);
  // The exact topic list, spellings and repeats included (article_topics holds one row per
  // folded name).
  if (auto topics = topic_list(s.column_view(20)); topics) {
    a.topics = std::move(*topics);
  } else {
    return std::unexpected(corrupt(id, topics.error().message));
  }
  out.story_id = s.column_optional_int(21);
  s.reset();

  if (detail == Detail::kListing) return out;
  if (auto r = load_images(id, a); !r) return std::unexpected(r.error());
  if (auto r = load_related(id, a); !r) return std::unexpected(r.error());
  return out;
}

Result<void> ArticleLoader::load_images(std::int64_t id, Article& article) {
  auto stmt = ready(db_, images_, kImagesSql, id);
  if (!stmt) return std::unexpected(stmt.error());
  Statement& s = **stmt;
  for (;;) {
    auto row = s.step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    Image image;
    image.url = s.column_text(0);
    image.width = s.column_optional_int(1);
    image.height = s.column_optional_int(2);
    image.is_cached = optional_bool(s, 3);
    auto extra = json_object_column(s.column_view(4), "image fields");
    if (!extra) return std::unexpected(corrupt(id, extra.error().message));
    image.extra = std::move(*extra);
    article.images.push_back(std::move(image));
  }
  return {};
}

Result<void> ArticleLoader::load_related(std::int64_t id, Article& article) {
  auto stmt = ready(db_, related_, kRelatedSql, id);
  if (!stmt) return std::unexpected(stmt.error());
  for (;;) {
    auto row = (*stmt)->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    Json doc = Json::parse((*stmt)->column_view(0), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) return std::unexpected(corrupt(id, "a stored related entry is not JSON"));
    auto entry = related_article_from_json(doc);
    if (!entry) return std::unexpected(corrupt(id, "a stored related entry: " + entry.error().message));
    article.related.push_back(std::move(*entry));
  }
  return {};
}

}  // namespace newsdb::sqlite
