#include "store/sqlite/related_coverage.hpp"

#include <newsdb/article_json.hpp>
#include <newsdb/url.hpp>

#include "store/stored_related.hpp"

namespace newsdb::sqlite {
namespace {

Result<std::optional<std::int64_t>> id_for_url(Statement& stmt, const std::string& url) {
  stmt.reset();
  stmt.bind(1, std::string_view(url));
  auto row = stmt.step();
  if (!row) return std::unexpected(row.error());
  std::optional<std::int64_t> id;
  if (*row) id = stmt.column_int(0);
  stmt.reset();
  return id;
}

}  // namespace

Result<RelatedCoverage> related_coverage(Database& db, std::int64_t id) {
  RelatedCoverage out;
  auto url_stmt = db.prepare("SELECT url FROM articles WHERE id = ?");
  if (!url_stmt) return std::unexpected(url_stmt.error());
  url_stmt->bind(1, id);
  auto found = url_stmt->step();
  if (!found) return std::unexpected(found.error());
  if (!*found) return out;
  std::string own_url = url_stmt->column_text(0);

  auto entries = db.prepare("SELECT doc FROM related WHERE article_id = ? ORDER BY position");
  if (!entries) return std::unexpected(entries.error());
  auto lookup = db.prepare("SELECT id FROM articles WHERE url = ?");
  if (!lookup) return std::unexpected(lookup.error());
  entries->bind(1, id);
  for (;;) {
    auto row = entries->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    auto entry = store::stored_related(entries->column_view(0), id);
    if (!entry) return std::unexpected(entry.error());
    RelatedEntry e{std::move(*entry), std::nullopt};
    if (auto canonical = canonical_url(e.article.primary_url())) {
      auto stored = id_for_url(*lookup, *canonical);
      if (!stored) return std::unexpected(stored.error());
      e.stored_id = *stored;
    }
    out.entries.push_back(std::move(e));
  }

  auto citing = db.prepare(
      "SELECT a.id, a.title, a.url, a.published_at, p.name FROM articles a "
      "LEFT JOIN providers p ON p.id = a.provider_id "
      "WHERE a.id IN (SELECT article_id FROM related WHERE url = ?) AND a.id <> ? "
      "ORDER BY a.published_at DESC, a.url");
  if (!citing) return std::unexpected(citing.error());
  citing->bind(1, std::string_view(own_url)).bind(2, id);
  for (;;) {
    auto row = citing->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    ArticleRef ref;
    ref.id = citing->column_int(0);
    ref.title = citing->column_text(1);
    ref.canonical_url = citing->column_text(2);
    if (auto t = citing->column_optional_int(3)) ref.published_date_time = Timestamp(std::chrono::seconds(*t));
    ref.provider_name = citing->column_optional_text(4);
    out.cited_by.push_back(std::move(ref));
  }
  return out;
}

}  // namespace newsdb::sqlite
