#include "store/postgres/article_loader.hpp"

#include <newsdb/article_json.hpp>
#include <string>
#include <unordered_map>

#include "store/postgres/copy_text.hpp"

namespace newsdb::postgres {
namespace {

constexpr const char* kArticles =
    "SELECT a.id, a.url, a.title, a.excerpt, a.body, a.published_at, a.original_url, a.web_url, "
    "a.amp_web_url, a.cdn_amp_web_url, a.category, a.type, a.quality, a.heat, a.published, "
    "a.provider_id, p.name, p.domain, a.provider_extra, a.secured, a.extra, a.topics, sm.story_id "
    "FROM articles a LEFT JOIN providers p ON p.id = a.provider_id "
    "LEFT JOIN story_members sm ON sm.article_id = a.id "
    "WHERE a.id = ANY($1::bigint[])";
constexpr const char* kImages =
    "SELECT article_id, url, width, height, is_cached, extra FROM images "
    "WHERE article_id = ANY($1::bigint[]) ORDER BY article_id, position";
constexpr const char* kRelated =
    "SELECT article_id, doc FROM related WHERE article_id = ANY($1::bigint[]) "
    "ORDER BY article_id, position";

Error corrupt(std::int64_t id, const std::string& what) {
  return Error{ErrorKind::kStore, "article " + std::to_string(id) + ": " + what +
                                      "; re-import its file to repair it"};
}

// Unknown fields: a JSON object, or nothing stored (an empty object).
Result<Json> json_object(const std::optional<std::string>& text, std::int64_t id,
                         const char* what) {
  if (!text) return Json::object();
  Json value = Json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded() || !value.is_object()) {
    return std::unexpected(corrupt(id, std::string("stored ") + what + " are not a JSON object"));
  }
  return value;
}

Result<std::vector<std::string>> topic_list(const std::optional<std::string>& text,
                                            std::int64_t id) {
  std::vector<std::string> topics;
  if (!text) return topics;
  Json list = Json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (list.is_discarded() || !list.is_array()) {
    return std::unexpected(corrupt(id, "stored topics are not a JSON list"));
  }
  for (const auto& t : list) {
    if (!t.is_string()) return std::unexpected(corrupt(id, "a stored topic is not a string"));
    topics.push_back(t.get<std::string>());
  }
  return topics;
}

std::optional<Timestamp> time_of(const PgResult& r, int row, int column) {
  auto v = r.opt_int64(row, column);
  if (!v) return std::nullopt;
  return Timestamp(std::chrono::seconds(*v));
}

Result<StoredArticle> read_article(const PgResult& r, int row) {
  StoredArticle out;
  out.id = r.int64(row, 0);
  Article& a = out.article;
  a.canonical_url = std::string(r.text(row, 1));
  a.title = std::string(r.text(row, 2));
  a.excerpt = r.opt_text(row, 3);
  a.body = r.opt_text(row, 4);
  a.published_date_time = time_of(r, row, 5);
  a.original_url = r.opt_text(row, 6);
  a.web_url = r.opt_text(row, 7);
  a.amp_web_url = r.opt_text(row, 8);
  a.cdn_amp_web_url = r.opt_text(row, 9);
  a.category = r.opt_text(row, 10);
  a.type = r.opt_text(row, 11);
  a.quality = r.opt_int64(row, 12);
  a.heat = r.opt_int64(row, 13);
  a.published = r.opt_boolean(row, 14);
  if (!r.is_null(row, 15)) {
    Provider p;
    p.name = std::string(r.text(row, 16));
    p.domain = std::string(r.text(row, 17));
    auto extra = json_object(r.opt_text(row, 18), out.id, "provider fields");
    if (!extra) return std::unexpected(extra.error());
    p.extra = std::move(*extra);
    a.provider = std::move(p);
  }
  a.secured = r.opt_text(row, 19);
  auto extra = json_object(r.opt_text(row, 20), out.id, "unknown fields");
  if (!extra) return std::unexpected(extra.error());
  a.extra = std::move(*extra);
  auto topics = topic_list(r.opt_text(row, 21), out.id);
  if (!topics) return std::unexpected(topics.error());
  a.topics = std::move(*topics);
  out.story_id = r.opt_int64(row, 22);
  return out;
}

}  // namespace

Result<std::vector<std::optional<StoredArticle>>> load_articles(
    Connection& conn, std::span<const std::int64_t> ids) {
  std::vector<std::optional<StoredArticle>> out(ids.size());
  if (ids.empty()) return out;
  std::vector<std::string> id_texts;
  for (auto id : ids) id_texts.push_back(std::to_string(id));
  const Params params = Params().add(array_literal(id_texts));

  auto rows = conn.exec_prepared("l_articles", kArticles, params);
  if (!rows) return std::unexpected(rows.error());
  std::unordered_map<std::int64_t, StoredArticle> found;
  for (int i = 0; i < rows->rows(); ++i) {
    auto article = read_article(*rows, i);
    if (!article) return std::unexpected(article.error());
    found.emplace(article->id, std::move(*article));
  }

  auto images = conn.exec_prepared("l_images", kImages, params);
  if (!images) return std::unexpected(images.error());
  for (int i = 0; i < images->rows(); ++i) {
    auto it = found.find(images->int64(i, 0));
    if (it == found.end()) continue;  // written after the article rows were read
    Image image;
    image.url = std::string(images->text(i, 1));
    image.width = images->opt_int64(i, 2);
    image.height = images->opt_int64(i, 3);
    image.is_cached = images->opt_boolean(i, 4);
    auto extra = json_object(images->opt_text(i, 5), it->first, "image fields");
    if (!extra) return std::unexpected(extra.error());
    image.extra = std::move(*extra);
    it->second.article.images.push_back(std::move(image));
  }

  auto related = conn.exec_prepared("l_related", kRelated, params);
  if (!related) return std::unexpected(related.error());
  for (int i = 0; i < related->rows(); ++i) {
    auto it = found.find(related->int64(i, 0));
    if (it == found.end()) continue;
    Json doc = Json::parse(related->text(i, 1), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) return std::unexpected(corrupt(it->first, "a stored related entry is not JSON"));
    auto entry = related_article_from_json(doc);
    if (!entry) {
      return std::unexpected(corrupt(it->first, "a stored related entry: " + entry.error().message));
    }
    it->second.article.related.push_back(std::move(*entry));
  }

  for (std::size_t i = 0; i < ids.size(); ++i) {
    auto it = found.find(ids[i]);
    if (it != found.end()) out[i] = it->second;
  }
  return out;
}

}  // namespace newsdb::postgres
