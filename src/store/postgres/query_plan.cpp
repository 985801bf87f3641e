#include "store/postgres/query_plan.hpp"

#include <algorithm>
#include <limits>
#include <optional>

#include "store/name_key.hpp"
#include "store/postgres/copy_text.hpp"
#include "store/postgres/raw_query.hpp"
#include "store/postgres/search_text.hpp"

namespace newsdb::postgres {
namespace {

std::vector<std::string> keys_of(const std::vector<std::string>& names) {
  std::vector<std::string> keys;
  for (const auto& n : names) keys.push_back(store::name_key(n));
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

Result<std::vector<std::int64_t>> ids_for(Connection& conn, const std::string& name,
                                          const std::string& sql,
                                          const std::vector<std::string>& keys) {
  auto rows = conn.exec_prepared(name, sql, Params().add(array_literal(keys)));
  if (!rows) return std::unexpected(rows.error());
  std::vector<std::int64_t> ids;
  for (int i = 0; i < rows->rows(); ++i) ids.push_back(rows->int64(i, 0));
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

std::int64_t seconds(const Timestamp& t) { return t.time_since_epoch().count(); }

// Conditions on `articles a` for every filter but `skip` (the one a driver already applies).
void conditions(PgSql& q, const ResolvedFilter& f, std::optional<Driver> skip, bool with_text) {
  const Filter& filter = *f.filter;
  if (!f.topic_ids.empty() && skip != Driver::kTopic) {
    q.sql(" AND EXISTS (SELECT 1 FROM article_topics x WHERE x.article_id = a.id AND x.topic_id IN (")
        .values(f.topic_ids)
        .sql("))");
  }
  if (!f.provider_ids.empty() && skip != Driver::kProvider) {
    q.sql(" AND a.provider_id IN (").values(f.provider_ids).sql(")");
  }
  if (!f.category_keys.empty() && skip != Driver::kCategory) {
    q.sql(" AND a.category_key IN (").values(f.category_keys).sql(")");
  }
  if (!f.type_keys.empty()) q.sql(" AND a.type_key IN (").values(f.type_keys).sql(")");
  if (filter.since) q.sql(" AND a.published_at >= ").value(seconds(*filter.since));
  if (filter.until) q.sql(" AND a.published_at <= ").value(seconds(*filter.until));
  if (filter.min_quality) q.sql(" AND a.quality >= ").value(*filter.min_quality);
  if (filter.min_heat) q.sql(" AND a.heat >= ").value(*filter.min_heat);
  if (filter.published) q.sql(" AND a.published = ").value(*filter.published);
  if (with_text && !f.tsquery.empty()) {
    q.sql(" AND a.search @@ ");
    append_tsquery(q, f);
  }
}

std::int64_t saturating_add(std::int64_t a, std::int64_t b) {
  return a > std::numeric_limits<std::int64_t>::max() - b ? std::numeric_limits<std::int64_t>::max()
                                                          : a + b;
}

void limit_offset(PgSql& q, std::int64_t limit, std::int64_t offset) {
  if (limit > 0) q.sql(" LIMIT ").value(limit);
  if (offset > 0) q.sql(" OFFSET ").value(offset);
}

enum class Dated { kAny, kDated, kUndated };

// One index walk: the rows for one driver value as (id, k = published_at, u = url), in date order.
void branch(PgSql& q, const ResolvedFilter& f, Driver driver, std::size_t value, SortOrder sort,
            Dated dated, std::int64_t limit, std::int64_t offset) {
  // The driver's own published_at column: the index is read in order only through it.
  std::string_view date = driver == Driver::kTopic ? "at.published_at" : "a.published_at";
  q.sql("SELECT a.id AS id, ").sql(date).sql(" AS k, a.url AS u FROM ");
  switch (driver) {
    case Driver::kTopic:
      q.sql("article_topics at JOIN articles a ON a.id = at.article_id WHERE at.topic_id = ")
          .value(f.topic_ids[value]);
      if (f.filter->since) q.sql(" AND at.published_at >= ").value(seconds(*f.filter->since));
      if (f.filter->until) q.sql(" AND at.published_at <= ").value(seconds(*f.filter->until));
      break;
    case Driver::kProvider:
      q.sql("articles a WHERE a.provider_id = ").value(f.provider_ids[value]);
      break;
    case Driver::kCategory:
      q.sql("articles a WHERE a.category_key = ").value(f.category_keys[value]);
      break;
    case Driver::kDate:
      q.sql("articles a WHERE true");
      break;
  }
  if (dated == Dated::kDated) q.sql(" AND ").sql(date).sql(" IS NOT NULL");
  if (dated == Dated::kUndated) q.sql(" AND ").sql(date).sql(" IS NULL");
  conditions(q, f, driver, /*with_text=*/false);
  q.sql(" ORDER BY ");
  if (dated != Dated::kUndated) {
    q.sql(date).sql(sort == SortOrder::kOldest ? " ASC NULLS LAST, " : " DESC NULLS LAST, ");
  }
  q.sql("a.url");
  limit_offset(q, limit, offset);
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
PgSql by_date_sql(const ResolvedFilter& f, SortOrder sort, std::int64_t limit,
                  std::int64_t offset) {
  Driver driver = driver_for(f);
  std::size_t values = driver_values(f, driver);
  // Oldest: the indexes hold dates newest first with NULLs last; dated rows are read backwards
  // and the undated ones, which come last, apart.
  std::vector<Dated> parts = sort == SortOrder::kOldest ? std::vector{Dated::kDated, Dated::kUndated}
                                                        : std::vector{Dated::kAny};
  PgSql q;
  if (values == 1 && parts.size() == 1) {
    branch(q, f, driver, 0, sort, Dated::kAny, limit, offset);
    return q;
  }
  std::int64_t per_branch = limit > 0 ? saturating_add(limit, offset) : 0;
  q.sql("SELECT id FROM (");
  bool first = true;
  for (std::size_t v = 0; v < values; ++v) {
    for (Dated part : parts) {
      q.sql(first ? "(" : " UNION (");
      first = false;
      branch(q, f, driver, v, sort, part, per_branch, 0);
      q.sql(")");
    }
  }
  q.sql(") walks ORDER BY ");
  q.sql(sort == SortOrder::kOldest ? "k ASC NULLS LAST, u" : "k DESC NULLS LAST, u");
  limit_offset(q, limit, offset);
  return q;
}

std::string_view order_by(SortOrder sort) {
  switch (sort) {
    case SortOrder::kNewest: return "a.published_at DESC NULLS LAST, a.url";
    case SortOrder::kOldest: return "a.published_at ASC NULLS LAST, a.url";
    case SortOrder::kHeat: return "a.heat DESC NULLS LAST, a.url";
    case SortOrder::kQuality: return "a.quality DESC NULLS LAST, a.url";
    // Ranked by the query's positive part (querytree drops NOT terms), as FTS5's bm25 ranks:
    // ts_rank would count a term the article must lack as one it misses, and rank
    // "quantum NOT milestone" with every field alike. 'T' means nothing positive is left.
    case SortOrder::kRelevance:
      return "ts_rank(a.search, CASE WHEN querytree(q) = 'T' THEN q "
             "ELSE CAST(querytree(q) AS tsquery) END) DESC, a.url";
  }
  return "a.url";
}

}  // namespace

void append_tsquery(PgSql& q, const ResolvedFilter& f) {
  q.sql("CAST(unaccent(").value(f.tsquery).sql(") AS tsquery)");
}

Result<ResolvedFilter> resolve(Connection& conn, const Filter& filter) {
  ResolvedFilter out;
  out.filter = &filter;
  if (!filter.topics.empty()) {
    auto ids = ids_for(conn, "r_topics",
                       "SELECT id FROM topics WHERE name_key = ANY($1::text[]) ORDER BY id",
                       keys_of(filter.topics));
    if (!ids) return std::unexpected(ids.error());
    out.topic_ids = std::move(*ids);
    if (out.topic_ids.empty()) out.matches_nothing = true;
  }
  if (!filter.providers.empty()) {
    auto ids = ids_for(conn, "r_providers",
                       "SELECT id FROM providers WHERE name_key = ANY($1::text[]) "
                       "OR domain_key = ANY($1::text[]) ORDER BY id",
                       keys_of(filter.providers));
    if (!ids) return std::unexpected(ids.error());
    out.provider_ids = std::move(*ids);
    if (out.provider_ids.empty()) out.matches_nothing = true;
  }
  out.category_keys = keys_of(filter.categories);
  out.type_keys = keys_of(filter.types);
  if (filter.text) {
    if (filter.text_syntax == TextSyntax::kRaw) {
      auto q = raw_query(*filter.text);
      if (!q) return std::unexpected(q.error());
      out.tsquery = std::move(*q);
    } else {
      out.tsquery = words_query(*filter.text);
    }
    if (out.tsquery.empty()) out.matches_nothing = true;
  }
  return out;
}

PgSql find_sql(const ResolvedFilter& f, SortOrder sort, std::int64_t limit, std::int64_t offset) {
  PgSql q;
  if (!f.tsquery.empty()) {
    q.sql("SELECT a.id FROM articles a, ");
    append_tsquery(q, f);
    q.sql(" q WHERE a.search @@ q");
    conditions(q, f, std::nullopt, /*with_text=*/false);
    q.sql(" ORDER BY ").sql(order_by(sort));
    limit_offset(q, limit, offset);
    return q;
  }
  if (sort == SortOrder::kNewest || sort == SortOrder::kOldest) {
    return by_date_sql(f, sort, limit, offset);
  }
  q.sql("SELECT a.id FROM articles a WHERE true");
  if (!f.topic_ids.empty()) {
    q.sql(" AND a.id IN (SELECT article_id FROM article_topics WHERE topic_id IN (")
        .values(f.topic_ids)
        .sql("))");
  }
  conditions(q, f, Driver::kTopic, /*with_text=*/false);
  q.sql(" ORDER BY ").sql(order_by(sort));
  limit_offset(q, limit, offset);
  return q;
}

PgSql facet_sql(FacetKind facet, const ResolvedFilter& f, std::int64_t limit) {
  PgSql q;
  switch (facet) {
    case FacetKind::kTopic: {
      PgSql probe;
      conditions(probe, f, std::nullopt, /*with_text=*/true);
      q.sql("SELECT t.name, '', c.n FROM (SELECT at.topic_id AS id, count(*) AS n "
            "FROM article_topics at");
      if (!probe.text().empty()) {
        q.sql(" JOIN articles a ON a.id = at.article_id WHERE true");
        conditions(q, f, std::nullopt, /*with_text=*/true);
      }
      q.sql(" GROUP BY at.topic_id) c JOIN topics t ON t.id = c.id "
            "ORDER BY c.n DESC, t.name_key, t.name");
      break;
    }
    case FacetKind::kProvider:
      q.sql("SELECT p.name, p.domain, c.n FROM (SELECT a.provider_id AS id, count(*) AS n "
            "FROM articles a WHERE a.provider_id IS NOT NULL");
      conditions(q, f, std::nullopt, /*with_text=*/true);
      q.sql(" GROUP BY a.provider_id) c JOIN providers p ON p.id = c.id "
            "ORDER BY c.n DESC, p.name_key, p.domain_key, p.name, p.domain");
      break;
    case FacetKind::kCategory:
      // The name shown is the one written by the earliest article of that category (SQLite's
      // order: undated first, then by date, then by id).
      q.sql("SELECT (SELECT category FROM articles WHERE category_key = c.k "
            "ORDER BY published_at ASC NULLS FIRST, id LIMIT 1), '', c.n "
            "FROM (SELECT a.category_key AS k, count(*) AS n FROM articles a "
            "WHERE a.category_key IS NOT NULL");
      conditions(q, f, std::nullopt, /*with_text=*/true);
      q.sql(" GROUP BY a.category_key) c ORDER BY c.n DESC, c.k");
      break;
  }
  limit_offset(q, limit, 0);
  return q;
}

}  // namespace newsdb::postgres
