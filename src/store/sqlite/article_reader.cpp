#include "store/sqlite/article_reader.hpp"

#include <sqlite3.h>

#include <newsdb/url.hpp>

#include "store/sqlite/query_plan.hpp"
#include "store/sqlite/read_only_sql.hpp"
#include "store/sqlite/related_coverage.hpp"
#include "store/sqlite/store_stats.hpp"
#include "store/store_stats.hpp"

namespace newsdb::sqlite {
namespace {

// Words in the snippet around the match (FTS5 allows 1..64).
constexpr int kSnippetTokens = 14;

// A failing statement that carries a user's raw FTS5 expression most likely failed on it: that is
// the user's to fix (exit 2), and SQLite's own words say what is wrong.
Error statement_error(Database& db, const Error& error, const Filter& filter) {
  if (filter.text && filter.text_syntax == TextSyntax::kRaw) {
    return Error{ErrorKind::kInvalidInput,
                 "the search expression \"" + *filter.text + "\" is not valid FTS5 syntax (" +
                     sqlite3_errmsg(db.handle()) +
                     "); fix it, or leave out --raw to search for the words as written"};
  }
  return error;
}

}  // namespace

Result<std::vector<std::int64_t>> SqliteArticleReader::find_ids(const Query& query,
                                                                std::string* match) {
  if (auto ok = store::check_query(query); !ok) return std::unexpected(ok.error());
  auto resolved = resolve(db_, query.filter);
  if (!resolved) return std::unexpected(resolved.error());
  std::vector<std::int64_t> ids;
  if (resolved->matches_nothing) return ids;
  if (match) *match = resolved->text_query;
  auto stmt = find_sql(*resolved, query.sort, query.limit, query.offset).prepare(db_);
  if (!stmt) return std::unexpected(stmt.error());
  for (;;) {
    auto row = stmt->step();
    if (!row) return std::unexpected(statement_error(db_, row.error(), query.filter));
    if (!*row) break;
    ids.push_back(stmt->column_int(0));
  }
  return ids;
}

Result<std::vector<StoredArticle>> SqliteArticleReader::find(const Query& query) {
  // One read transaction for the list and every article in it: one snapshot (no article changes
  // between being listed and being read), and one WAL read lock instead of one per statement.
  auto snapshot = Transaction::begin(db_, Transaction::Kind::kDeferred);
  if (!snapshot) return std::unexpected(snapshot.error());
  std::string match;
  auto ids = find_ids(query, &match);
  if (!ids) return std::unexpected(ids.error());
  std::optional<Statement> snippets;
  if (!match.empty()) {
    auto stmt = db_.prepare(
        "SELECT snippet(articles_fts, -1, char(2), char(3), '…', " +
        std::to_string(kSnippetTokens) + ") FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?");
    if (!stmt) return std::unexpected(stmt.error());
    snippets.emplace(std::move(*stmt));
  }
  std::vector<StoredArticle> out;
  out.reserve(ids->size());
  for (auto id : *ids) {
    auto article = loader_.load(id, query.detail);
    if (!article) return std::unexpected(article.error());
    if (!*article) continue;  // deleted meanwhile by another process
    if (snippets) {
      if (auto r = add_snippet(*snippets, match, **article); !r) return std::unexpected(r.error());
    }
    out.push_back(std::move(**article));
  }
  if (auto r = snapshot->commit(); !r) return std::unexpected(r.error());
  return out;
}

Result<void> SqliteArticleReader::add_snippet(Statement& stmt, const std::string& match,
                                              StoredArticle& article) {
  stmt.reset();
  stmt.bind(1, std::string_view(match)).bind(2, article.id);
  auto row = stmt.step();
  if (!row) return std::unexpected(row.error());
  if (*row) article.snippet = stmt.column_text(0);
  stmt.reset();
  return {};
}

Result<void> SqliteArticleReader::for_each(
    const Query& query, const std::function<Result<void>(const StoredArticle&)>& sink) {
  // The ids first (8 bytes each, even for a million articles), then one article at a time: the
  // id statement is finished before any sink runs, so a slow consumer holds no read lock.
  auto ids = find_ids(query, nullptr);
  if (!ids) return std::unexpected(ids.error());
  for (auto id : *ids) {
    auto article = loader_.load(id);
    if (!article) return std::unexpected(article.error());
    if (!*article) continue;
    if (auto r = sink(**article); !r) return r;
  }
  return {};
}

Result<std::int64_t> SqliteArticleReader::count(const Filter& filter) {
  // The ids of every match, 8 bytes each: the filter's own plan, with nothing else read.
  auto ids = find_ids(Query{.filter = filter, .limit = 0}, nullptr);
  if (!ids) return std::unexpected(ids.error());
  return static_cast<std::int64_t>(ids->size());
}

Result<std::optional<StoredArticle>> SqliteArticleReader::get(std::int64_t id) {
  return loader_.load(id);
}

Result<std::optional<StoredArticle>> SqliteArticleReader::get_by_url(const std::string& url) {
  auto canonical = canonical_url(url);
  if (!canonical) return std::nullopt;
  auto stmt = db_.prepare("SELECT id FROM articles WHERE url = ?");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind(1, std::string_view(*canonical));
  auto row = stmt->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::nullopt;
  return loader_.load(stmt->column_int(0));
}

Result<std::vector<FacetCount>> SqliteArticleReader::facet(Facet facet, const Filter& filter,
                                                           std::int64_t limit) {
  auto resolved = resolve(db_, filter);
  if (!resolved) return std::unexpected(resolved.error());
  std::vector<FacetCount> out;
  if (resolved->matches_nothing) return out;
  auto stmt = facet_sql(facet, *resolved, limit).prepare(db_);
  if (!stmt) return std::unexpected(stmt.error());
  for (;;) {
    auto row = stmt->step();
    if (!row) return std::unexpected(statement_error(db_, row.error(), filter));
    if (!*row) break;
    out.push_back(FacetCount{stmt->column_text(0), stmt->column_text(1), stmt->column_int(2)});
  }
  return out;
}

Result<RelatedCoverage> SqliteArticleReader::related(std::int64_t id) {
  return related_coverage(db_, id);
}

Result<StoreStats> SqliteArticleReader::stats(std::int64_t top) {
  auto stats = store_stats(db_);
  if (!stats) return stats;
  return store::add_top_counts(std::move(*stats), *this, top);
}

Result<void> SqliteArticleReader::run_sql(std::string_view sql, SqlRowSink& sink,
                                          std::chrono::milliseconds timeout) {
  return run_read_only_sql(db_.path(), sql, sink, timeout);
}

Result<std::vector<TableSchema>> SqliteArticleReader::schema() {
  return read_schema(db_.path());
}

}  // namespace newsdb::sqlite
