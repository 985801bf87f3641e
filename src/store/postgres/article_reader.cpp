#include "store/postgres/article_reader.hpp"

#include <newsdb/url.hpp>
#include <unordered_map>

#include "store/postgres/article_loader.hpp"
#include "store/postgres/copy_text.hpp"
#include "store/postgres/read_only_sql.hpp"
#include "store/postgres/reader_queries.hpp"
#include "store/store_stats.hpp"

namespace newsdb::postgres {
namespace {

// Articles loaded per round trip while streaming (export): memory stays bounded.
constexpr std::size_t kLoadSlice = 200;

// The snippet of each article: the field whose words match best (title, excerpt, body, topics, in
// that order on a tie), with its best passage of about 14 words and the matches marked.
constexpr const char* kSnippets = R"sql(
SELECT a.id, best.t,
       ts_headline('newsdb_headline', best.t, q,
                   'StartSel=' || chr(2) || ', StopSel=' || chr(3) ||
                   ', MaxFragments=1, MaxWords=14, MinWords=4, ShortWord=0')
FROM articles a, CAST(unaccent($1) AS tsquery) q,
LATERAL (
  SELECT f.t FROM (VALUES (1, a.title, 'A'), (2, a.excerpt, 'B'), (3, a.body, 'D'),
                          (4, a.topics_text, 'C')) AS f (n, t, w)
  WHERE f.t IS NOT NULL AND f.t <> ''
  ORDER BY setweight(to_tsvector('newsdb_headline', f.t), f.w::"char") @@ q DESC,
           ts_rank(setweight(to_tsvector('newsdb_headline', f.t), f.w::"char"), q) DESC, f.n
  LIMIT 1) best
WHERE a.id = ANY($2::bigint[])
)sql";

// --raw text that is not FTS5 syntax is the user's to fix (exit 2), with the reason.
Error raw_syntax_error(const Filter& filter, const Error& error) {
  return Error{ErrorKind::kInvalidInput,
               "the search expression \"" + filter.text.value_or("") +
                   "\" is not valid FTS5 syntax (" + error.message +
                   "); fix it, or leave out --raw to search for the words as written"};
}

Result<ResolvedFilter> resolve_for(Connection& conn, const Filter& filter) {
  auto resolved = resolve(conn, filter);
  if (!resolved && resolved.error().kind == ErrorKind::kInvalidInput) {
    return std::unexpected(raw_syntax_error(filter, resolved.error()));
  }
  return resolved;
}

// A passage that does not start (end) where its field does is marked as cut with an ellipsis.
std::string with_ellipses(const std::string& field, const std::string& headline) {
  std::string plain;
  for (char c : headline) {
    if (c != kMatchStart && c != kMatchEnd) plain += c;
  }
  std::string out = headline;
  if (!plain.empty() && !field.starts_with(plain)) out = "…" + out;
  if (!plain.empty() && !field.ends_with(plain)) out += "…";
  return out;
}

}  // namespace

Result<std::vector<std::int64_t>> PgArticleReader::find_ids(const Query& query,
                                                            const ResolvedFilter& filter) {
  std::vector<std::int64_t> ids;
  if (filter.matches_nothing) return ids;
  PgSql sql = find_sql(filter, query.sort, query.limit, query.offset);
  auto rows = conn_.exec(sql.text(), sql.params());
  if (!rows) return std::unexpected(rows.error());
  ids.reserve(static_cast<std::size_t>(rows->rows()));
  for (int i = 0; i < rows->rows(); ++i) ids.push_back(rows->int64(i, 0));
  return ids;
}

Result<std::vector<StoredArticle>> PgArticleReader::find(const Query& query) {
  if (auto ok = store::check_query(query); !ok) return std::unexpected(ok.error());
  auto filter = resolve_for(conn_, query.filter);
  if (!filter) return std::unexpected(filter.error());
  // One snapshot for the ids and the rows they name.
  auto tx = Transaction::begin(conn_, Transaction::Kind::kSnapshot);
  if (!tx) return std::unexpected(tx.error());
  auto ids = find_ids(query, *filter);
  if (!ids) return std::unexpected(ids.error());
  auto loaded = load_articles(conn_, *ids);
  if (!loaded) return std::unexpected(loaded.error());
  std::vector<StoredArticle> out;
  out.reserve(loaded->size());
  for (auto& article : *loaded) {
    if (article) out.push_back(std::move(*article));
  }
  if (!filter->text_query.empty()) {
    if (auto r = add_snippets(*filter, out); !r) return std::unexpected(r.error());
  }
  return out;
}

Result<std::int64_t> PgArticleReader::count(const Filter& filter) {
  Query query{.filter = filter, .limit = 0};
  auto resolved = resolve_for(conn_, query.filter);
  if (!resolved) return std::unexpected(resolved.error());
  auto ids = find_ids(query, *resolved);
  if (!ids) return std::unexpected(ids.error());
  return static_cast<std::int64_t>(ids->size());
}

Result<void> PgArticleReader::add_snippets(const ResolvedFilter& filter,
                                           std::vector<StoredArticle>& articles) {
  if (articles.empty()) return {};
  std::vector<std::string> ids;
  for (const auto& a : articles) ids.push_back(std::to_string(a.id));
  auto rows = conn_.exec_prepared("q_snippets", kSnippets,
                                  Params().add(filter.text_query).add(array_literal(ids)));
  if (!rows) return std::unexpected(rows.error());
  std::unordered_map<std::int64_t, std::string> snippets;
  for (int i = 0; i < rows->rows(); ++i) {
    snippets[rows->int64(i, 0)] =
        with_ellipses(std::string(rows->text(i, 1)), std::string(rows->text(i, 2)));
  }
  for (auto& a : articles) {
    if (auto it = snippets.find(a.id); it != snippets.end()) a.snippet = std::move(it->second);
  }
  return {};
}

Result<void> PgArticleReader::for_each(
    const Query& query, const std::function<Result<void>(const StoredArticle&)>& sink) {
  if (auto ok = store::check_query(query); !ok) return std::unexpected(ok.error());
  auto filter = resolve_for(conn_, query.filter);
  if (!filter) return std::unexpected(filter.error());
  // The ids first (8 bytes each), then the articles a slice at a time: no statement stays open
  // while the sink runs.
  auto ids = find_ids(query, *filter);
  if (!ids) return std::unexpected(ids.error());
  for (std::size_t at = 0; at < ids->size(); at += kLoadSlice) {
    std::span<const std::int64_t> slice(ids->data() + at, std::min(kLoadSlice, ids->size() - at));
    auto loaded = [&] {
      auto tx = Transaction::begin(conn_, Transaction::Kind::kSnapshot);
      if (!tx) return Result<std::vector<std::optional<StoredArticle>>>(std::unexpected(tx.error()));
      return load_articles(conn_, slice);
    }();
    if (!loaded) return std::unexpected(loaded.error());
    for (const auto& article : *loaded) {
      if (!article) continue;  // gone meanwhile
      if (auto r = sink(*article); !r) return r;
    }
  }
  return {};
}

Result<std::optional<StoredArticle>> PgArticleReader::get(std::int64_t id) {
  auto tx = Transaction::begin(conn_, Transaction::Kind::kSnapshot);
  if (!tx) return std::unexpected(tx.error());
  auto loaded = load_articles(conn_, std::span<const std::int64_t>(&id, 1));
  if (!loaded) return std::unexpected(loaded.error());
  return std::move((*loaded)[0]);
}

Result<std::optional<StoredArticle>> PgArticleReader::get_by_url(const std::string& url) {
  auto canonical = canonical_url(url);
  if (!canonical) return std::nullopt;
  auto rows = conn_.exec_prepared("q_id_by_url", "SELECT id FROM articles WHERE url = $1",
                                  Params().add(*canonical));
  if (!rows) return std::unexpected(rows.error());
  if (rows->rows() == 0) return std::nullopt;
  return get(rows->int64(0, 0));
}

Result<std::vector<FacetCount>> PgArticleReader::facet(Facet facet, const Filter& filter,
                                                       std::int64_t limit) {
  auto resolved = resolve_for(conn_, filter);
  if (!resolved) return std::unexpected(resolved.error());
  std::vector<FacetCount> out;
  if (resolved->matches_nothing) return out;
  PgSql sql = facet_sql(facet, *resolved, limit);
  auto rows = conn_.exec(sql.text(), sql.params());
  if (!rows) return std::unexpected(rows.error());
  for (int i = 0; i < rows->rows(); ++i) {
    out.push_back(FacetCount{std::string(rows->text(i, 0)), std::string(rows->text(i, 1)),
                             rows->int64(i, 2)});
  }
  return out;
}

Result<RelatedCoverage> PgArticleReader::related(std::int64_t id) {
  auto tx = Transaction::begin(conn_, Transaction::Kind::kSnapshot);
  if (!tx) return std::unexpected(tx.error());
  return related_coverage(conn_, id);
}

Result<StoreStats> PgArticleReader::stats(std::int64_t top) {
  auto tx = Transaction::begin(conn_, Transaction::Kind::kSnapshot);
  if (!tx) return std::unexpected(tx.error());
  auto stats = store_stats(conn_);
  if (!stats) return stats;
  return store::add_top_counts(std::move(*stats), *this, top);
}

Result<void> PgArticleReader::run_sql(std::string_view sql, SqlRowSink& sink,
                                      std::chrono::milliseconds timeout) {
  return run_read_only_sql(conn_, sql, sink, timeout);
}

Result<std::vector<TableSchema>> PgArticleReader::schema() { return read_schema(conn_); }

}  // namespace newsdb::postgres
