#include "store/sqlite/query_plan.hpp"

#include <algorithm>

#include "store/sqlite/fts_query.hpp"

namespace newsdb::sqlite {
namespace {

using store::Driver;
using store::SqlBuilder;

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

class SqliteDialect final : public store::SqlDialect {
 public:
  void walk_head(SqlBuilder& q, const ResolvedFilter& f, Driver driver,
                 std::size_t value) const override {
    q.sql("SELECT a.id AS id, a.published_at AS k, a.url AS u FROM ");
    switch (driver) {
      case Driver::kTopic:
        q.sql("article_topics at INDEXED BY article_topics_by_topic "
              "JOIN articles a ON a.id = at.article_id WHERE at.topic_id = ")
            .value(f.topic_ids[value]);
        break;
      case Driver::kProvider:
        q.sql("articles a INDEXED BY articles_by_provider WHERE a.provider_id = ")
            .value(f.provider_ids[value]);
        break;
      case Driver::kCategory:
        q.sql("articles a INDEXED BY articles_by_category WHERE a.category_key = ")
            .value(std::string_view(f.category_keys[value]));
        break;
      case Driver::kDate:
        q.sql("articles a INDEXED BY articles_by_published WHERE 1");
        break;
    }
  }
  // SQLite sorts NULL lowest: last in a descending walk; an ascending one never meets them, as
  // the plan walks dated and undated rows apart for the oldest first.
  std::string_view date_direction(SortOrder sort) const override {
    return sort == SortOrder::kOldest ? " ASC, " : " DESC, ";
  }
  std::string_view walk_open() const override { return "SELECT * FROM ("; }
  std::string_view walks_order(SortOrder sort) const override {
    return sort == SortOrder::kOldest ? ") ORDER BY k IS NULL, k ASC, u" : ") ORDER BY k DESC, u";
  }
  void text_head(SqlBuilder& q, const ResolvedFilter& f) const override {
    q.sql("SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
          "WHERE articles_fts MATCH ")
        .value(std::string_view(f.text_query));
  }
  void text_condition(SqlBuilder& q, const ResolvedFilter& f) const override {
    q.sql(" AND a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ")
        .value(std::string_view(f.text_query))
        .sql(")");
  }
  std::string_view order_by(SortOrder sort) const override {
    switch (sort) {
      case SortOrder::kNewest: return "a.published_at DESC, a.url";
      case SortOrder::kOldest: return "a.published_at IS NULL, a.published_at ASC, a.url";
      case SortOrder::kHeat: return "a.heat DESC, a.url";
      case SortOrder::kQuality: return "a.quality DESC, a.url";
      // BM25 weights per articles_fts column (title, excerpt, body, topics_text): a word in the
      // title counts for more than one in the excerpt, which counts for more than one in the body.
      case SortOrder::kRelevance: return "bm25(articles_fts, 10.0, 4.0, 1.0, 2.0), a.url";
    }
    return "a.url";
  }
  std::string_view always_true() const override { return "1"; }
  std::string_view category_name() const override {
    return "(SELECT category FROM articles INDEXED BY articles_by_category "
           "WHERE category_key = c.k ORDER BY published_at LIMIT 1)";
  }
  void limit_offset(SqlBuilder& q, std::int64_t limit, std::int64_t offset) const override {
    q.sql(" LIMIT ").value(limit > 0 ? limit : std::int64_t{-1});
    if (offset > 0) q.sql(" OFFSET ").value(offset);
  }
};

const SqliteDialect kDialect;

}  // namespace

Result<ResolvedFilter> resolve(Database& db, const Filter& filter) {
  ResolvedFilter out;
  out.filter = &filter;
  if (!filter.topics.empty()) {
    auto ids = ids_for(db, "SELECT id FROM topics WHERE name_key = ?", store::name_keys(filter.topics), 1);
    if (!ids) return std::unexpected(ids.error());
    out.topic_ids = std::move(*ids);
    if (out.topic_ids.empty()) out.matches_nothing = true;
  }
  if (!filter.providers.empty()) {
    auto ids = ids_for(db, "SELECT id FROM providers WHERE name_key = ?1 OR domain_key = ?2",
                       store::name_keys(filter.providers), 2);
    if (!ids) return std::unexpected(ids.error());
    out.provider_ids = std::move(*ids);
    if (out.provider_ids.empty()) out.matches_nothing = true;
  }
  out.category_keys = store::name_keys(filter.categories);
  out.type_keys = store::name_keys(filter.types);
  if (filter.text) {
    auto match = fts_match_expression(*filter.text, filter.text_syntax);
    if (!match) return std::unexpected(match.error());
    out.text_query = std::move(*match);
    if (out.text_query.empty()) out.matches_nothing = true;
  }
  return out;
}

BoundSql find_sql(const ResolvedFilter& f, SortOrder sort, std::int64_t limit,
                  std::int64_t offset) {
  BoundSql sql;
  store::find_sql(sql, kDialect, f, sort, limit, offset);
  return sql;
}

BoundSql facet_sql(Facet facet, const ResolvedFilter& f, std::int64_t limit) {
  BoundSql sql;
  store::facet_sql(sql, kDialect, facet, f, limit);
  return sql;
}

}  // namespace newsdb::sqlite
