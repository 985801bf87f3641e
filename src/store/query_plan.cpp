#include "store/query_plan.hpp"

#include <algorithm>
#include <limits>

#include "store/name_key.hpp"

namespace newsdb::store {
namespace {

std::int64_t seconds(const Timestamp& t) { return t.time_since_epoch().count(); }

Driver driver_for(const ResolvedFilter& f) {
  if (!f.topic_ids.empty()) return Driver::kTopic;
  if (!f.provider_ids.empty()) return Driver::kProvider;
  if (!f.category_keys.empty()) return Driver::kCategory;
  return Driver::kDate;
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

// Whether conditions(..., skip = none, with_text = true) writes anything.
bool has_conditions(const ResolvedFilter& f) {
  const Filter& filter = *f.filter;
  return !f.topic_ids.empty() || !f.provider_ids.empty() || !f.category_keys.empty() ||
         !f.type_keys.empty() || filter.since || filter.until || filter.min_quality ||
         filter.min_heat || filter.published || !f.text_query.empty();
}

// Conditions on `articles a` for every filter except `skip` (the one the driver already applies)
// and, unless `with_text`, the text (which the statement's head applies). Each starts with " AND ".
void conditions(SqlBuilder& q, const SqlDialect& d, const ResolvedFilter& f,
                std::optional<Driver> skip, bool with_text) {
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
  if (with_text && !f.text_query.empty()) d.text_condition(q, f);
}

std::int64_t saturating_add(std::int64_t a, std::int64_t b) {
  return a > std::numeric_limits<std::int64_t>::max() - b ? std::numeric_limits<std::int64_t>::max()
                                                          : a + b;
}

enum class Dated { kAny, kDated, kUndated };

// One index walk: the matching rows for one driver value, as (id, k = published_at, u = url), in
// date order, at most `limit` of them (0 = all).
void walk(SqlBuilder& q, const SqlDialect& d, const ResolvedFilter& f, Driver driver,
          std::size_t value, SortOrder sort, Dated dated, std::int64_t limit,
          std::int64_t offset) {
  // The driver's own published_at column: the index is only read in order through it.
  std::string_view date = driver == Driver::kTopic ? "at.published_at" : "a.published_at";
  d.walk_head(q, f, driver, value);
  if (driver == Driver::kTopic) {
    // Bounds on the driver's column too, so they narrow the index range.
    if (f.filter->since) q.sql(" AND at.published_at >= ").value(seconds(*f.filter->since));
    if (f.filter->until) q.sql(" AND at.published_at <= ").value(seconds(*f.filter->until));
  }
  if (dated == Dated::kDated) q.sql(" AND ").sql(date).sql(" IS NOT NULL");
  if (dated == Dated::kUndated) q.sql(" AND ").sql(date).sql(" IS NULL");
  conditions(q, d, f, driver, /*with_text=*/true);
  q.sql(" ORDER BY ");
  if (dated != Dated::kUndated) q.sql(date).sql(d.date_direction(sort));
  q.sql("a.url");
  d.limit_offset(q, limit, offset);
}

// Newest or oldest: index walks in date order (see the header); text is a condition on each row.
void by_date_sql(SqlBuilder& q, const SqlDialect& d, const ResolvedFilter& f, SortOrder sort,
                 std::int64_t limit, std::int64_t offset) {
  Driver driver = driver_for(f);
  std::size_t values = driver_values(f, driver);
  // Newest: NULL dates come last in a descending walk already. Oldest: an ascending walk may put
  // them first, so dated and undated rows are walked separately and the undated put last.
  std::vector<Dated> parts = sort == SortOrder::kOldest ? std::vector{Dated::kDated, Dated::kUndated}
                                                        : std::vector{Dated::kAny};
  if (values == 1 && parts.size() == 1) {
    walk(q, d, f, driver, 0, sort, Dated::kAny, limit, offset);
    return;
  }
  std::int64_t per_walk = limit > 0 ? saturating_add(limit, offset) : 0;
  q.sql("SELECT id FROM (");
  bool first = true;
  for (std::size_t v = 0; v < values; ++v) {
    for (Dated part : parts) {
      if (!first) q.sql(" UNION ");
      first = false;
      q.sql(d.walk_open());
      walk(q, d, f, driver, v, sort, part, per_walk, 0);
      q.sql(")");
    }
  }
  q.sql(d.walks_order(sort));
  d.limit_offset(q, limit, offset);
}

}  // namespace

Result<void> check_query(const Query& query) {
  if (query.sort == SortOrder::kRelevance && !query.filter.text) {
    return fail(ErrorKind::kInvalidInput, "sorting by relevance needs search text (--text)");
  }
  if (query.limit < 0) return fail(ErrorKind::kInvalidInput, "the limit cannot be negative");
  if (query.offset < 0) return fail(ErrorKind::kInvalidInput, "the offset cannot be negative");
  return {};
}

std::vector<std::string> name_keys(const std::vector<std::string>& names) {
  std::vector<std::string> keys;
  for (const auto& n : names) keys.push_back(name_key(n));
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

void find_sql(SqlBuilder& q, const SqlDialect& d, const ResolvedFilter& f, SortOrder sort,
              std::int64_t limit, std::int64_t offset) {
  // Text sorted by relevance, heat or quality: every match is ranked or sorted (a text index
  // yields matches in no useful order). Newest or oldest with text: the date walks below, each
  // row checked against the set of matches (which the text index yields without ranking), so a
  // common word stops after the first page instead of reading every match's row.
  if (!f.text_query.empty() && sort != SortOrder::kNewest && sort != SortOrder::kOldest) {
    d.text_head(q, f);
    conditions(q, d, f, std::nullopt, /*with_text=*/false);
    q.sql(" ORDER BY ").sql(d.order_by(sort));
    d.limit_offset(q, limit, offset);
    return;
  }
  if (sort == SortOrder::kNewest || sort == SortOrder::kOldest) {
    by_date_sql(q, d, f, sort, limit, offset);
    return;
  }
  // Heat and quality: let the planner choose between the sort index and the filters' indexes; a
  // topic filter is given as IN so that it may drive.
  q.sql("SELECT a.id FROM articles a WHERE ").sql(d.always_true());
  if (!f.topic_ids.empty()) {
    q.sql(" AND a.id IN (SELECT article_id FROM article_topics WHERE topic_id IN (")
        .values(f.topic_ids)
        .sql("))");
  }
  conditions(q, d, f, Driver::kTopic, /*with_text=*/false);
  q.sql(" ORDER BY ").sql(d.order_by(sort));
  d.limit_offset(q, limit, offset);
}

void facet_sql(SqlBuilder& q, const SqlDialect& d, Facet facet, const ResolvedFilter& f,
               std::int64_t limit) {
  switch (facet) {
    case Facet::kTopic:
      q.sql("SELECT t.name, '', c.n FROM (SELECT at.topic_id AS id, COUNT(*) AS n FROM article_topics at");
      // Without filters the counts come from article_topics alone.
      if (has_conditions(f)) {
        q.sql(" JOIN articles a ON a.id = at.article_id WHERE ").sql(d.always_true());
        conditions(q, d, f, std::nullopt, /*with_text=*/true);
      }
      q.sql(" GROUP BY at.topic_id) c JOIN topics t ON t.id = c.id ORDER BY c.n DESC, t.name_key, t.name");
      break;
    case Facet::kProvider:
      q.sql("SELECT p.name, p.domain, c.n FROM (SELECT a.provider_id AS id, COUNT(*) AS n "
            "FROM articles a WHERE a.provider_id IS NOT NULL");
      conditions(q, d, f, std::nullopt, /*with_text=*/true);
      q.sql(" GROUP BY a.provider_id) c JOIN providers p ON p.id = c.id "
            "ORDER BY c.n DESC, p.name_key, p.domain_key, p.name, p.domain");
      break;
    case Facet::kCategory:
      q.sql("SELECT ").sql(d.category_name()).sql(", '', c.n "
            "FROM (SELECT a.category_key AS k, COUNT(*) AS n FROM articles a "
            "WHERE a.category_key IS NOT NULL");
      conditions(q, d, f, std::nullopt, /*with_text=*/true);
      q.sql(" GROUP BY a.category_key) c ORDER BY c.n DESC, c.k");
      break;
  }
  d.limit_offset(q, limit, 0);
}

}  // namespace newsdb::store
