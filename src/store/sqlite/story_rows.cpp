#include "store/sqlite/story_rows.hpp"

#include <string>

namespace newsdb::sqlite {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, title, articles, providers, first_published, last_published, heat FROM stories";

std::optional<Timestamp> time_of(const Statement& s, int column) {
  auto v = s.column_optional_int(column);
  if (!v) return std::nullopt;
  return Timestamp(std::chrono::seconds(*v));
}

Result<std::vector<StorySummary>> read_all(Statement& s) {
  std::vector<StorySummary> out;
  for (;;) {
    auto row = s.step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    StorySummary st;
    st.id = s.column_int(0);
    st.title = s.column_text(1);
    st.articles = s.column_int(2);
    st.providers = s.column_int(3);
    st.first_published = time_of(s, 4);
    st.last_published = time_of(s, 5);
    st.heat = s.column_optional_int(6);
    out.push_back(std::move(st));
  }
  s.reset();
  return out;
}

std::optional<std::int64_t> seconds(const std::optional<Timestamp>& t) {
  if (!t) return std::nullopt;
  return t->time_since_epoch().count();
}

// The date condition, binding ?1 (since) and ?2 (until) when given.
std::string where(const std::optional<Timestamp>& since, const std::optional<Timestamp>& until) {
  std::string w = " WHERE 1";
  if (since) w += " AND last_published >= ?1";
  if (until) w += " AND first_published <= ?2";
  return w;
}

void bind_dates(Statement& s, const std::optional<Timestamp>& since,
                const std::optional<Timestamp>& until) {
  if (since) s.bind(1, *seconds(since));
  if (until) s.bind(2, *seconds(until));
}

}  // namespace

Result<std::vector<StorySummary>> SqliteStoryRows::page(std::optional<Timestamp> since,
                                                        std::optional<Timestamp> until,
                                                        StorySort sort, std::int64_t limit,
                                                        std::int64_t offset) {
  std::string sql = std::string(kColumns);
  switch (sort) {
    case StorySort::kNewest: sql += " INDEXED BY stories_by_last"; break;
    case StorySort::kSize: sql += " INDEXED BY stories_by_size"; break;
    case StorySort::kHeat: sql += " INDEXED BY stories_by_heat"; break;
  }
  sql += where(since, until);
  switch (sort) {
    case StorySort::kNewest: sql += " ORDER BY last_published DESC, id DESC"; break;
    case StorySort::kSize: sql += " ORDER BY articles DESC, last_published DESC, id DESC"; break;
    case StorySort::kHeat: sql += " ORDER BY heat DESC, id DESC"; break;
  }
  sql += " LIMIT ?3 OFFSET ?4";
  auto stmt = db_.prepare(sql);
  if (!stmt) return std::unexpected(stmt.error());
  bind_dates(*stmt, since, until);
  stmt->bind(3, limit > 0 ? limit : std::int64_t{-1}).bind(4, offset);
  return read_all(*stmt);
}

Result<std::int64_t> SqliteStoryRows::count(std::optional<Timestamp> since,
                                            std::optional<Timestamp> until) {
  auto stmt = db_.prepare("SELECT count(*) FROM stories" + where(since, until));
  if (!stmt) return std::unexpected(stmt.error());
  bind_dates(*stmt, since, until);
  auto row = stmt->step();
  if (!row) return std::unexpected(row.error());
  return stmt->column_int(0);
}

Result<std::vector<StorySummary>> SqliteStoryRows::by_ids(std::span<const std::int64_t> ids) {
  auto stmt = db_.prepare(std::string(kColumns) + " WHERE id = ?1");
  if (!stmt) return std::unexpected(stmt.error());
  std::vector<StorySummary> out;
  for (auto id : ids) {
    stmt->bind(1, id);
    auto rows = read_all(*stmt);
    if (!rows) return std::unexpected(rows.error());
    for (auto& r : *rows) out.push_back(std::move(r));
  }
  return out;
}

Result<std::vector<std::string>> SqliteStoryRows::topics(std::int64_t id, std::int64_t limit) {
  auto stmt = db_.prepare(
      "SELECT t.name FROM story_members m JOIN article_topics at ON at.article_id = m.article_id "
      "JOIN topics t ON t.id = at.topic_id WHERE m.story_id = ?1 GROUP BY t.id "
      "ORDER BY count(*) DESC, t.name LIMIT ?2");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind(1, id).bind(2, limit);
  std::vector<std::string> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    out.push_back(stmt->column_text(0));
  }
  return out;
}

Result<std::vector<std::int64_t>> SqliteStoryRows::member_ids(std::int64_t id) {
  auto stmt = db_.prepare(
      "SELECT article_id FROM story_members WHERE story_id = ?1 "
      "ORDER BY published_at IS NULL, published_at, article_id");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind(1, id);
  std::vector<std::int64_t> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    out.push_back(stmt->column_int(0));
  }
  return out;
}

}  // namespace newsdb::sqlite
