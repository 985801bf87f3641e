#include "store/postgres/query_plan.hpp"

#include "store/postgres/copy_text.hpp"
#include "store/postgres/raw_query.hpp"
#include "store/postgres/search_text.hpp"

namespace newsdb::postgres {
namespace {

using store::Driver;
using store::SqlBuilder;

Result<std::vector<std::int64_t>> ids_for(Connection& conn, const std::string& name,
                                          const std::string& sql,
                                          const std::vector<std::string>& keys) {
  auto rows = conn.exec_prepared(name, sql, Params().add(array_literal(keys)));
  if (!rows) return std::unexpected(rows.error());
  std::vector<std::int64_t> ids;
  for (int i = 0; i < rows->rows(); ++i) ids.push_back(rows->int64(i, 0));
  return ids;
}

// The filter's tsquery as an expression: unaccented, as the stored vectors are.
void append_tsquery(SqlBuilder& q, const ResolvedFilter& f) {
  q.sql("CAST(unaccent(").value(std::string_view(f.text_query)).sql(") AS tsquery)");
}

class PostgresDialect final : public store::SqlDialect {
 public:
  void walk_head(SqlBuilder& q, const ResolvedFilter& f, Driver driver,
                 std::size_t value) const override {
    // The driver's own published_at column: the index is read in order only through it.
    q.sql(driver == Driver::kTopic ? "SELECT a.id AS id, at.published_at AS k, a.url AS u FROM "
                                   : "SELECT a.id AS id, a.published_at AS k, a.url AS u FROM ");
    switch (driver) {
      case Driver::kTopic:
        q.sql("article_topics at JOIN articles a ON a.id = at.article_id WHERE at.topic_id = ")
            .value(f.topic_ids[value]);
        break;
      case Driver::kProvider:
        q.sql("articles a WHERE a.provider_id = ").value(f.provider_ids[value]);
        break;
      case Driver::kCategory:
        q.sql("articles a WHERE a.category_key = ").value(std::string_view(f.category_keys[value]));
        break;
      case Driver::kDate:
        q.sql("articles a WHERE true");
        break;
    }
  }
  // The indexes hold dates newest first with NULLs last; dated rows are read backwards for the
  // oldest first, and the undated ones apart.
  std::string_view date_direction(SortOrder sort) const override {
    return sort == SortOrder::kOldest ? " ASC NULLS LAST, " : " DESC NULLS LAST, ";
  }
  std::string_view walk_open() const override { return "("; }
  std::string_view walks_order(SortOrder sort) const override {
    return sort == SortOrder::kOldest ? ") walks ORDER BY k ASC NULLS LAST, u"
                                      : ") walks ORDER BY k DESC NULLS LAST, u";
  }
  void text_head(SqlBuilder& q, const ResolvedFilter& f) const override {
    q.sql("SELECT a.id FROM articles a, ");
    append_tsquery(q, f);
    q.sql(" q WHERE a.search @@ q");
  }
  void text_condition(SqlBuilder& q, const ResolvedFilter& f) const override {
    q.sql(" AND a.search @@ ");
    append_tsquery(q, f);
  }
  std::string_view order_by(SortOrder sort) const override {
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
  std::string_view always_true() const override { return "true"; }
  // SQLite's order for the earliest article: undated first, then by date, then by id.
  std::string_view category_name() const override {
    return "(SELECT category FROM articles WHERE category_key = c.k "
           "ORDER BY published_at ASC NULLS FIRST, id LIMIT 1)";
  }
  void limit_offset(SqlBuilder& q, std::int64_t limit, std::int64_t offset) const override {
    if (limit > 0) q.sql(" LIMIT ").value(limit);
    if (offset > 0) q.sql(" OFFSET ").value(offset);
  }
};

const PostgresDialect kDialect;

}  // namespace

Result<ResolvedFilter> resolve(Connection& conn, const Filter& filter) {
  ResolvedFilter out;
  out.filter = &filter;
  if (!filter.topics.empty()) {
    auto ids = ids_for(conn, "r_topics",
                       "SELECT id FROM topics WHERE name_key = ANY($1::text[]) ORDER BY id",
                       store::name_keys(filter.topics));
    if (!ids) return std::unexpected(ids.error());
    out.topic_ids = std::move(*ids);
    if (out.topic_ids.empty()) out.matches_nothing = true;
  }
  if (!filter.providers.empty()) {
    auto ids = ids_for(conn, "r_providers",
                       "SELECT id FROM providers WHERE name_key = ANY($1::text[]) "
                       "OR domain_key = ANY($1::text[]) ORDER BY id",
                       store::name_keys(filter.providers));
    if (!ids) return std::unexpected(ids.error());
    out.provider_ids = std::move(*ids);
    if (out.provider_ids.empty()) out.matches_nothing = true;
  }
  out.category_keys = store::name_keys(filter.categories);
  out.type_keys = store::name_keys(filter.types);
  if (filter.text) {
    if (filter.text_syntax == TextSyntax::kRaw) {
      auto q = raw_query(*filter.text);
      if (!q) return std::unexpected(q.error());
      out.text_query = std::move(*q);
    } else {
      auto q = words_query(*filter.text);
      if (!q) return std::unexpected(q.error());
      out.text_query = std::move(*q);
    }
    if (out.text_query.empty()) out.matches_nothing = true;
  }
  return out;
}

PgSql find_sql(const ResolvedFilter& f, SortOrder sort, std::int64_t limit, std::int64_t offset) {
  PgSql q;
  store::find_sql(q, kDialect, f, sort, limit, offset);
  return q;
}

PgSql facet_sql(Facet facet, const ResolvedFilter& f, std::int64_t limit) {
  PgSql q;
  store::facet_sql(q, kDialect, facet, f, limit);
  return q;
}

}  // namespace newsdb::postgres
