#include "store/sqlite/store_stats.hpp"

#include <chrono>

#include "store/store_stats.hpp"

namespace newsdb::sqlite {
namespace {

Result<std::optional<std::int64_t>> scalar(Database& db, std::string_view sql) {
  auto stmt = db.prepare(sql);
  if (!stmt) return std::unexpected(stmt.error());
  auto row = stmt->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::nullopt;
  return stmt->column_optional_int(0);
}

Result<std::vector<MonthCount>> per_month(Database& db, Timestamp first, Timestamp last) {
  auto stmt = db.prepare(
      "SELECT COUNT(*) FROM articles INDEXED BY articles_by_published "
      "WHERE published_at >= ? AND published_at < ?");
  if (!stmt) return std::unexpected(stmt.error());
  std::vector<MonthCount> out = store::empty_months(store::month_range(first, last));
  for (MonthCount& m : out) {
    auto month = std::chrono::year(m.year) / std::chrono::month(m.month);
    stmt->reset();
    stmt->bind(1, store::month_start(month)).bind(2, store::month_start(month + std::chrono::months(1)));
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    m.count = stmt->column_int(0);
  }
  return out;
}

}  // namespace

Result<StoreStats> store_stats(Database& db) {
  StoreStats s;
  struct Total {
    std::int64_t* field;
    std::string_view sql;
  };
  const Total totals[] = {
      {&s.articles, "SELECT COUNT(*) FROM articles"},
      {&s.providers, "SELECT COUNT(*) FROM (SELECT provider_id FROM articles "
                     "WHERE provider_id IS NOT NULL GROUP BY provider_id)"},
      {&s.topics, "SELECT COUNT(*) FROM (SELECT topic_id FROM article_topics GROUP BY topic_id)"},
      {&s.images, "SELECT COUNT(*) FROM images"},
      {&s.related_entries, "SELECT COUNT(*) FROM related"},
      {&s.undated, "SELECT COUNT(*) FROM articles WHERE published_at IS NULL"},
      {&s.failed_files, "SELECT COUNT(*) FROM import_files WHERE outcome = 'failed'"},
      {&s.stories, "SELECT COUNT(*) FROM stories"},
  };
  for (const auto& total : totals) {
    auto value = scalar(db, total.sql);
    if (!value) return std::unexpected(value.error());
    *total.field = value->value_or(0);
  }
  auto first = scalar(db, "SELECT MIN(published_at) FROM articles");
  if (!first) return std::unexpected(first.error());
  auto last = scalar(db, "SELECT MAX(published_at) FROM articles");
  if (!last) return std::unexpected(last.error());
  if (*first && *last) {
    s.first_published = Timestamp(std::chrono::seconds(**first));
    s.last_published = Timestamp(std::chrono::seconds(**last));
    auto months = per_month(db, *s.first_published, *s.last_published);
    if (!months) return std::unexpected(months.error());
    s.per_month = std::move(*months);
  }
  return s;
}

}  // namespace newsdb::sqlite
