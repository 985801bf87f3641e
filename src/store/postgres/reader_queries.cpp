#include "store/postgres/reader_queries.hpp"

#include <chrono>
#include <newsdb/article_json.hpp>
#include <newsdb/url.hpp>

#include "store/store_stats.hpp"
#include "store/stored_related.hpp"

namespace newsdb::postgres {
namespace {

std::optional<Timestamp> time_of(const PgResult& r, int row, int column) {
  auto v = r.opt_int64(row, column);
  if (!v) return std::nullopt;
  return Timestamp(std::chrono::seconds(*v));
}

Result<std::vector<RelatedEntry>> entries_of(Connection& conn, std::int64_t id) {
  // Each entry with the id of the stored article its canonical URL names (the column holds it).
  auto rows = conn.exec_prepared(
      "q_related_entries",
      "SELECT r.doc, a.id FROM related r LEFT JOIN articles a ON a.url = r.url "
      "WHERE r.article_id = $1 ORDER BY r.position",
      Params().add(id));
  if (!rows) return std::unexpected(rows.error());
  std::vector<RelatedEntry> out;
  for (int i = 0; i < rows->rows(); ++i) {
    auto entry = store::stored_related(rows->text(i, 0), id);
    if (!entry) return std::unexpected(entry.error());
    out.push_back(RelatedEntry{std::move(*entry), rows->opt_int64(i, 1)});
  }
  return out;
}

Result<std::vector<MonthCount>> per_month(Connection& conn, Timestamp first, Timestamp last) {
  store::MonthRange range = store::month_range(first, last);
  // One statement for every month: counts per month start, zeros filled in below.
  auto rows = conn.exec_prepared(
      "q_per_month",
      "SELECT (extract(year FROM t) * 12 + extract(month FROM t) - 1)::bigint, count(*) "
      "FROM (SELECT to_timestamp(published_at) AT TIME ZONE 'UTC' AS t FROM articles "
      "WHERE published_at >= $1 AND published_at < $2) s GROUP BY 1",
      Params()
          .add(store::month_start(range.from))
          .add(store::month_start(range.to + std::chrono::months(1))));
  if (!rows) return std::unexpected(rows.error());
  std::vector<MonthCount> out = store::empty_months(range);
  for (int i = 0; i < rows->rows(); ++i) {
    // Months counted from year 0 (year * 12 + month - 1).
    auto first = int(range.from.year()) * 12 + int(unsigned(range.from.month())) - 1;
    auto index = rows->int64(i, 0) - first;
    if (index >= 0 && index < static_cast<std::int64_t>(out.size())) {
      out[static_cast<std::size_t>(index)].count = rows->int64(i, 1);
    }
  }
  return out;
}

}  // namespace

Result<RelatedCoverage> related_coverage(Connection& conn, std::int64_t id) {
  RelatedCoverage out;
  auto own = conn.exec_prepared("q_article_url", "SELECT url FROM articles WHERE id = $1",
                                Params().add(id));
  if (!own) return std::unexpected(own.error());
  if (own->rows() == 0) return out;
  auto entries = entries_of(conn, id);
  if (!entries) return std::unexpected(entries.error());
  out.entries = std::move(*entries);

  auto citing = conn.exec_prepared(
      "q_cited_by",
      "SELECT a.id, a.title, a.url, a.published_at, p.name FROM articles a "
      "LEFT JOIN providers p ON p.id = a.provider_id "
      "WHERE a.id IN (SELECT article_id FROM related WHERE url = $1) AND a.id <> $2 "
      "ORDER BY a.published_at DESC NULLS LAST, a.url",
      Params().add(own->text(0, 0)).add(id));
  if (!citing) return std::unexpected(citing.error());
  for (int i = 0; i < citing->rows(); ++i) {
    ArticleRef ref;
    ref.id = citing->int64(i, 0);
    ref.title = std::string(citing->text(i, 1));
    ref.canonical_url = std::string(citing->text(i, 2));
    ref.published_date_time = time_of(*citing, i, 3);
    ref.provider_name = citing->opt_text(i, 4);
    out.cited_by.push_back(std::move(ref));
  }
  return out;
}

Result<StoreStats> store_stats(Connection& conn) {
  auto totals = conn.exec_prepared(
      "q_stats",
      "SELECT (SELECT count(*) FROM articles), "
      "(SELECT count(DISTINCT provider_id) FROM articles), "
      "(SELECT count(DISTINCT topic_id) FROM article_topics), "
      "(SELECT count(*) FROM images), (SELECT count(*) FROM related), "
      "(SELECT count(*) FROM articles WHERE body IS NOT NULL), "
      "(SELECT count(*) FROM articles WHERE published_at IS NULL), "
      "(SELECT count(*) FROM import_files WHERE outcome = 'failed'), "
      "(SELECT min(published_at) FROM articles), (SELECT max(published_at) FROM articles), "
      "(SELECT count(*) FROM stories)",
      Params());
  if (!totals) return std::unexpected(totals.error());
  StoreStats s;
  s.articles = totals->int64(0, 0);
  s.providers = totals->int64(0, 1);
  s.topics = totals->int64(0, 2);
  s.images = totals->int64(0, 3);
  s.related_entries = totals->int64(0, 4);
  s.with_body = totals->int64(0, 5);
  s.undated = totals->int64(0, 6);
  s.failed_files = totals->int64(0, 7);
  s.first_published = time_of(*totals, 0, 8);
  s.last_published = time_of(*totals, 0, 9);
  s.stories = totals->int64(0, 10);
  if (s.first_published && s.last_published) {
    auto months = per_month(conn, *s.first_published, *s.last_published);
    if (!months) return std::unexpected(months.error());
    s.per_month = std::move(*months);
  }
  return s;
}

}  // namespace newsdb::postgres
