#include "store/sqlite/query_plan.hpp"

#include <algorithm>
#include <limits>

#include "store/name_key.hpp"
#include "store/sqlite/fts_query.hpp"

namespace newsdb::sqlite {
namespace {

// BM25 weights per articles_fts column (title, excerpt, body, topics_text): a word in the title
// counts for more than one in the excerpt, which counts for more than one in the body.
constexpr std::string_view kBm25 = "bm25(articles_fts, 10.0, 4.0, 1.0, 2.0)";

std::vector<std::string> keys_of(const std::vector<std::string>& names) {
  std::vector<std::string> keys;
  for (const auto& n : names) keys.push_back(store::name_key(n));
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

Result<std::vector<std::int64_t>> ids_for(Database& db, std::string_view sql,
                                          const std::vector<std::string>& keys, int binds_per_key) {
  auto stmt = db.prepare(sql);
  if (!stmt) return std::unexpected(stmt.error());
  std::vector<std::int64_t> ids;
  for (const auto& key : keys) {
    stmt->reset();
    for (int i = 1; i <= binds_per_key; ++i) stmt->bind(i, std::string_view(key));
    for (;;) {
      auto row = stmt->step();
      if (!row) return std::unexpected(row.error());
      if (!*row) break;
      ids.push_back(stmt->column_int(0));
    }
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

// Which dimension the rows are read from, in index order.
enum class Driver { kTopic, kProvider, kCategory, kDate };

Driver driver_for(const ResolvedFilter& f) {
  if (!f.topic_ids.empty()) return Driver::kTopic;
  if (!f.provider_ids.empty()) return Driver::kProvider;
  if (!f.category_keys.empty()) return Driver::kCategory;
  return Driver::kDate;
}

// Conditions on `articles a` for every filter except `skip` (the one the driver already applies)
// and the text (applied by joining articles_fts). Each starts with " AND ".
BoundSql conditions(const ResolvedFilter& f, std::optional<Driver> skip, bool with_text) {
  const Filter& filter = *f.filter;
  BoundSql sql;
  if (!f.topic_ids.empty() && skip != Driver::kTopic) {
    sql.sql(" AND EXISTS (SELECT 1 FROM article_topics x WHERE x.article_id = a.id AND x.topic_id IN (")
        .values(f.topic_ids)
        .sql("))");
  }
  if (!f.provider_ids.empty() && skip != Driver::kProvider) {
    sql.sql(" AND a.provider_id IN (").values(f.provider_ids).sql(")");
  }
  if (!f.category_keys.empty() && skip != Driver::kCategory) {
    sql.sql(" AND a.category_key IN (").values(f.category_keys).sql(")");
  }
  if (!f.type_keys.empty()) sql.sql(" AND a.type_key IN (").values(f.type_keys).sql(")");
  if (filter.since) sql.sql(" AND a.published_at >= ").value(filter.since->time_since_epoch().count());
  if (filter.until) sql.sql(" AND a.published_at <= ").value(filter.until->time_since_epoch().count());
  if (filter.min_quality) sql.sql(" AND a.quality >= ").value(*filter.min_quality);
  if (filter.min_heat) sql.sql(" AND a.heat >= ").value(*filter.min_heat);
  if (filter.published) sql.sql(" AND a.published = ").value(std::int64_t{*filter.published ? 1 : 0});
  if (with_text && !f.fts_match.empty()) {
    sql.sql(" AND a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ")
        .value(f.fts_match)
        .sql(")");
  }
  return sql;
}

std::int64_t saturating_add(std::int64_t a, std::int64_t b) {
  return a > std::numeric_limits<std::int64_t>::max() - b ? std::numeric_limits<std::int64_t>::max()
                                                          : a + b;
}

BoundSql& limit_offset(BoundSql& sql, std::int64_t limit, std::int64_t offset) {
  sql.sql(" LIMIT ").value(limit > 0 ? limit : std::int64_t{-1});
  if (offset > 0) sql.sql(" OFFSET ").value(offset);
  return sql;
}

enum class Dated { kAny, kDated, kUndated };

// One index walk: the matching rows for one driver value, as (id, k = published_at, u = url), in
// date order, at most `limit` of them (0 = all).
BoundSql branch(const ResolvedFilter& f, Driver driver, std::size_t value, SortOrder sort,
                Dated dated, std::int64_t limit, std::int64_t offset) {
  // The driver's own published_at column: the index is only read in order through it.
  std::string_view date = driver == Driver::kTopic ? "at.published_at" : "a.published_at";
  BoundSql sql;
  sql.sql("SELECT a.id AS id, a.published_at AS k, a.url AS u FROM ");
  switch (driver) {
    case Driver::kTopic:
      sql.sql("article_topics at INDEXED BY article_topics_by_topic "
              "JOIN articles a ON a.id = at.article_id WHERE at.topic_id = ")
          .value(f.topic_ids[value]);
      break;
    case Driver::kProvider:
      sql.sql("articles a INDEXED BY articles_by_provider WHERE a.provider_id = ")
          .value(f.provider_ids[value]);
      break;
    case Driver::kCategory:
      sql.sql("articles a INDEXED BY articles_by_category WHERE a.category_key = ")
          .value(std::string_view(f.category_keys[value]));
      break;
    case Driver::kDate:
      sql.sql("articles a INDEXED BY articles_by_published WHERE 1");
      break;
  }
  if (driver == Driver::kTopic) {
    // Bounds on the driver's column too, so they narrow the index range.
    if (f.filter->since) sql.sql(" AND at.published_at >= ").value(f.filter->since->time_since_epoch().count());
    if (f.filter->until) sql.sql(" AND at.published_at <= ").value(f.filter->until->time_since_epoch().count());
  }
  if (dated == Dated::kDated) sql.sql(" AND ").sql(date).sql(" IS NOT NULL");
  if (dated == Dated::kUndated) sql.sql(" AND ").sql(date).sql(" IS NULL");
  sql.append(conditions(f, driver, /*with_text=*/false));
  sql.sql(" ORDER BY ");
  if (dated != Dated::kUndated) sql.sql(date).sql(sort == SortOrder::kOldest ? " ASC, " : " DESC, ");
  sql.sql("a.url");
  return limit_offset(sql, limit, offset);
}

std::size_t driver_values(const ResolvedFilter& f, Driver driver) {
  switch (driver) {
    case Driver::kTopic: return f.topic_ids.size();
    case Driver::kProvider: return f.provider_ids.size();
    case Driver::kCategory: return f.category_keys.size();
    case Driver::kDate: return 1;
  }
  return 1;
}

// Newest or oldest without text: index walks in date order (see the header).
BoundSql by_date_sql(const ResolvedFilter& f, SortOrder sort, std::int64_t limit,
                     std::int64_t offset) {
  Driver driver = driver_for(f);
  std::size_t values = driver_values(f, driver);
  // Newest: NULL dates come last in a descending walk already. Oldest: an ascending walk would
  // put them first, so dated and undated rows are walked separately and the undated put last.
  std::vector<Dated> parts = sort == SortOrder::kOldest ? std::vector{Dated::kDated, Dated::kUndated}
                                                        : std::vector{Dated::kAny};
  if (values == 1 && parts.size() == 1) return branch(f, driver, 0, sort, Dated::kAny, limit, offset);
  std::int64_t per_branch = limit > 0 ? saturating_add(limit, offset) : 0;
  BoundSql sql;
  sql.sql("SELECT id FROM (");
  bool first = true;
  for (std::size_t v = 0; v < values; ++v) {
    for (Dated part : parts) {
      if (!first) sql.sql(" UNION ");
      first = false;
      sql.sql("SELECT * FROM (").append(branch(f, driver, v, sort, part, per_branch, 0)).sql(")");
    }
  }
  sql.sql(") ORDER BY ");
  sql.sql(sort == SortOrder::kOldest ? "k IS NULL, k ASC, u" : "k DESC, u");
  return limit_offset(sql, limit, offset);
}

std::string_view order_by(SortOrder sort) {
  switch (sort) {
    case SortOrder::kNewest: return "a.published_at DESC, a.url";
    case SortOrder::kOldest: return "a.published_at IS NULL, a.published_at ASC, a.url";
    case SortOrder::kHeat: return "a.heat DESC, a.url";
    case SortOrder::kQuality: return "a.quality DESC, a.url";
    case SortOrder::kRelevance: return "";  // bm25, see find_sql
  }
  return "a.url";
}

}  // namespace

Result<ResolvedFilter> resolve(Database& db, const Filter& filter) {
  ResolvedFilter out;
  out.filter = &filter;
  if (!filter.topics.empty()) {
    auto ids = ids_for(db, "SELECT id FROM topics WHERE name_key = ?", keys_of(filter.topics), 1);
    if (!ids) return std::unexpected(ids.error());
    out.topic_ids = std::move(*ids);
    if (out.topic_ids.empty()) out.matches_nothing = true;
  }
  if (!filter.providers.empty()) {
    auto ids = ids_for(db, "SELECT id FROM providers WHERE name_key = ?1 OR domain_key = ?2",
                       keys_of(filter.providers), 2);
    if (!ids) return std::unexpected(ids.error());
    out.provider_ids = std::move(*ids);
    if (out.provider_ids.empty()) out.matches_nothing = true;
  }
  out.category_keys = keys_of(filter.categories);
  out.type_keys = keys_of(filter.types);
  if (filter.text) {
    out.fts_match = fts_match_expression(*filter.text, filter.text_syntax);
    if (out.fts_match.empty()) out.matches_nothing = true;
  }
  return out;
}

BoundSql find_sql(const ResolvedFilter& f, SortOrder sort, std::int64_t limit,
                  std::int64_t offset) {
  BoundSql sql;
  if (!f.fts_match.empty()) {
    // Text: every match is ranked or sorted (FTS5 yields matches by rowid only).
    sql.sql("SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
            "WHERE articles_fts MATCH ")
        .value(f.fts_match)
        .append(conditions(f, std::nullopt, /*with_text=*/false))
        .sql(" ORDER BY ");
    if (sort == SortOrder::kRelevance) {
      sql.sql(kBm25).sql(", a.url");
    } else {
      sql.sql(order_by(sort));
    }
    return limit_offset(sql, limit, offset);
  }
  if (sort == SortOrder::kNewest || sort == SortOrder::kOldest) return by_date_sql(f, sort, limit, offset);
  sql.sql("SELECT a.id FROM articles a WHERE 1");
  // Heat and quality: let SQLite choose between the sort index and the filters' indexes; a topic
  // filter is given as IN so that it may drive.
  if (!f.topic_ids.empty()) {
    sql.sql(" AND a.id IN (SELECT article_id FROM article_topics WHERE topic_id IN (")
        .values(f.topic_ids)
        .sql("))");
  }
  sql.append(conditions(f, Driver::kTopic, /*with_text=*/false)).sql(" ORDER BY ").sql(order_by(sort));
  return limit_offset(sql, limit, offset);
}

BoundSql facet_sql(FacetKind facet, const ResolvedFilter& f, std::int64_t limit) {
  BoundSql where = conditions(f, std::nullopt, /*with_text=*/true);
  BoundSql sql;
  switch (facet) {
    case FacetKind::kTopic:
      sql.sql("SELECT t.name, '', c.n FROM (SELECT at.topic_id AS id, COUNT(*) AS n FROM article_topics at");
      if (!where.empty()) sql.sql(" JOIN articles a ON a.id = at.article_id WHERE 1").append(where);
      sql.sql(" GROUP BY at.topic_id) c JOIN topics t ON t.id = c.id ORDER BY c.n DESC, t.name_key, t.name");
      break;
    case FacetKind::kProvider:
      sql.sql("SELECT p.name, p.domain, c.n FROM (SELECT a.provider_id AS id, COUNT(*) AS n "
              "FROM articles a WHERE a.provider_id IS NOT NULL")
          .append(where)
          .sql(" GROUP BY a.provider_id) c JOIN providers p ON p.id = c.id "
               "ORDER BY c.n DESC, p.name_key, p.domain_key, p.name, p.domain");
      break;
    case FacetKind::kCategory:
      // The name shown is the one written by the earliest article of that category.
      sql.sql("SELECT (SELECT category FROM articles INDEXED BY articles_by_category "
              "WHERE category_key = c.k ORDER BY published_at LIMIT 1), '', c.n "
              "FROM (SELECT a.category_key AS k, COUNT(*) AS n FROM articles a "
              "WHERE a.category_key IS NOT NULL")
          .append(where)
          .sql(" GROUP BY a.category_key) c ORDER BY c.n DESC, c.k");
      break;
  }
  return limit_offset(sql, limit, 0);
}

}  // namespace newsdb::sqlite
