#include "store/postgres/story_rows.hpp"

#include <string>

namespace newsdb::postgres {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, title, articles, providers, first_published, last_published, heat FROM stories";

std::optional<Timestamp> time_of(const PgResult& r, int row, int column) {
  auto v = r.opt_int64(row, column);
  if (!v) return std::nullopt;
  return Timestamp(std::chrono::seconds(*v));
}

std::vector<StorySummary> read_all(const PgResult& r) {
  std::vector<StorySummary> out;
  for (int i = 0; i < r.rows(); ++i) {
    StorySummary s;
    s.id = r.int64(i, 0);
    s.title = std::string(r.text(i, 1));
    s.articles = r.int64(i, 2);
    s.providers = r.int64(i, 3);
    s.first_published = time_of(r, i, 4);
    s.last_published = time_of(r, i, 5);
    s.heat = r.opt_int64(i, 6);
    out.push_back(std::move(s));
  }
  return out;
}

std::int64_t seconds(Timestamp t) { return t.time_since_epoch().count(); }

// The date condition ($1 since, $2 until: NULL when not given).
constexpr std::string_view kWhere =
    " WHERE ($1::bigint IS NULL OR last_published >= $1) AND"
    " ($2::bigint IS NULL OR first_published <= $2)";

Params dates(const std::optional<Timestamp>& since, const std::optional<Timestamp>& until) {
  Params p;
  if (since) p.add(seconds(*since)); else p.add_null();
  if (until) p.add(seconds(*until)); else p.add_null();
  return p;
}

}  // namespace

Result<std::vector<StorySummary>> PgStoryRows::page(std::optional<Timestamp> since,
                                                    std::optional<Timestamp> until,
                                                    StorySort sort, std::int64_t limit,
                                                    std::int64_t offset) {
  std::string sql = std::string(kColumns) + std::string(kWhere);
  switch (sort) {
    case StorySort::kNewest: sql += " ORDER BY last_published DESC NULLS LAST, id DESC"; break;
    case StorySort::kSize:
      sql += " ORDER BY articles DESC, last_published DESC NULLS LAST, id DESC";
      break;
    case StorySort::kHeat: sql += " ORDER BY heat DESC NULLS LAST, id DESC"; break;
  }
  sql += " LIMIT $3 OFFSET $4";
  Params p = dates(since, until);
  if (limit > 0) p.add(limit); else p.add_null();
  p.add(offset);
  auto r = conn_.exec(sql, p);
  if (!r) return std::unexpected(r.error());
  return read_all(*r);
}

Result<std::int64_t> PgStoryRows::count(std::optional<Timestamp> since,
                                        std::optional<Timestamp> until) {
  auto r = conn_.exec("SELECT count(*) FROM stories" + std::string(kWhere), dates(since, until));
  if (!r) return std::unexpected(r.error());
  return r->int64(0, 0);
}

Result<std::vector<StorySummary>> PgStoryRows::by_ids(std::span<const std::int64_t> ids) {
  if (ids.empty()) return std::vector<StorySummary>{};
  std::string list = "{";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) list += ',';
    list += std::to_string(ids[i]);
  }
  list += '}';
  auto r = conn_.exec(std::string(kColumns) + " WHERE id = ANY ($1::bigint[])", Params().add(list));
  if (!r) return std::unexpected(r.error());
  return read_all(*r);
}

Result<std::vector<std::string>> PgStoryRows::topics(std::int64_t id, std::int64_t limit) {
  auto r = conn_.exec(
      "SELECT t.name FROM story_members m JOIN article_topics at ON at.article_id = m.article_id "
      "JOIN topics t ON t.id = at.topic_id WHERE m.story_id = $1 GROUP BY t.id, t.name "
      "ORDER BY count(*) DESC, t.name LIMIT $2",
      Params().add(id).add(limit));
  if (!r) return std::unexpected(r.error());
  std::vector<std::string> out;
  for (int i = 0; i < r->rows(); ++i) out.emplace_back(r->text(i, 0));
  return out;
}

Result<std::vector<std::int64_t>> PgStoryRows::member_ids(std::int64_t id) {
  auto r = conn_.exec(
      "SELECT article_id FROM story_members WHERE story_id = $1 "
      "ORDER BY published_at ASC NULLS LAST, article_id",
      Params().add(id));
  if (!r) return std::unexpected(r.error());
  std::vector<std::int64_t> out;
  for (int i = 0; i < r->rows(); ++i) out.push_back(r->int64(i, 0));
  return out;
}

}  // namespace newsdb::postgres
