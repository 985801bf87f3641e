// The query side of the store: finding articles, facet counts, related coverage, statistics,
// recorded import errors and read-only SQL.
//
// Every backend answers alike: results are ordered as Query asks with ties broken by canonical
// URL, names compare ignoring case, and nothing here writes to the store. Errors: kInvalidInput
// for a request the user can fix (a full-text syntax error with TextSyntax::kRaw, a statement that
// would write in run_sql), kStore when the database fails. A missing article is std::nullopt.
//
// Not thread-safe: an ArticleReader belongs to its Store and to one thread at a time.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <newsdb/article.hpp>
#include <newsdb/diagnostic.hpp>
#include <newsdb/error.hpp>
#include <newsdb/query.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace newsdb {

// A snippet marks each matched term as kMatchStart + term + kMatchEnd (ASCII STX and ETX, which
// the output layer turns into colour or drops; they never reach a user).
inline constexpr char kMatchStart = '\x02';
inline constexpr char kMatchEnd = '\x03';

struct StoredArticle {
  std::int64_t id = 0;
  Article article;
  // The story the article belongs to (story_reader.hpp); nullopt only while it is not grouped yet.
  std::optional<std::int64_t> story_id;
  // Set when a list is collapsed to one row per story: how many articles the story holds.
  std::optional<std::int64_t> story_articles;
  // Set by find() when the filter has text: a short passage of the best-matching field.
  std::optional<std::string> snippet;
};

enum class Facet { kTopic, kProvider, kCategory };

struct FacetCount {
  std::string name;
  std::string domain;  // providers only
  std::int64_t count = 0;
};

// A stored article named by a link: enough to list it.
struct ArticleRef {
  std::int64_t id = 0;
  std::string title;
  std::string canonical_url;
  std::optional<Timestamp> published_date_time;
  std::optional<std::string> provider_name;
};

struct RelatedEntry {
  RelatedArticle article;                // the entry as the article lists it
  std::optional<std::int64_t> stored_id;  // the stored article it names, when there is one
};

struct RelatedCoverage {
  std::vector<RelatedEntry> entries;  // in the article's order
  std::vector<ArticleRef> cited_by;   // stored articles listing this one as related, newest first
};

struct MonthCount {
  int year = 0;
  unsigned month = 0;  // 1..12
  std::int64_t count = 0;
};

struct StoreStats {
  std::int64_t articles = 0;
  std::int64_t providers = 0;  // providers with at least one article
  std::int64_t topics = 0;     // topics with at least one article
  std::int64_t images = 0;
  std::int64_t related_entries = 0;
  std::int64_t with_body = 0;
  std::int64_t undated = 0;  // articles without publishedDateTime
  std::int64_t stories = 0;
  std::int64_t failed_files = 0;
  std::optional<Timestamp> first_published;
  std::optional<Timestamp> last_published;
  std::vector<MonthCount> per_month;  // every month from the first to the last, zeros included
  std::vector<FacetCount> top_topics;
  std::vector<FacetCount> top_providers;
};

// One value of a SQL result row. Text is UTF-8 as stored; a blob keeps its bytes.
struct SqlBlob {
  std::string bytes;
};
using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string, SqlBlob>;

// Receives a read-only statement's result: columns() once per statement, then row() per row.
class SqlRowSink {
 public:
  virtual ~SqlRowSink() = default;
  virtual Result<void> columns(std::span<const std::string> names) = 0;
  virtual Result<void> row(std::span<const SqlValue> values) = 0;
};

// How long one statement of `run_sql` may run unless the caller says otherwise.
inline constexpr std::chrono::milliseconds kDefaultSqlTimeout{30'000};

// Columns of one table or view, as `newsdb schema` lists them.
struct TableSchema {
  std::string name;
  bool view = false;
  std::vector<std::pair<std::string, std::string>> columns;  // name, declared type
};

class ArticleReader {
 public:
  virtual ~ArticleReader() = default;

  // The page of matches Query asks for, whole articles. Sort kRelevance needs filter.text
  // (kInvalidInput otherwise).
  virtual Result<std::vector<StoredArticle>> find(const Query& query) = 0;
  // Streams every match in order, one article in memory at a time (export): `sink` returning an
  // Error stops the walk with that error. No snippets.
  virtual Result<void> for_each(const Query& query,
                                const std::function<Result<void>(const StoredArticle&)>& sink) = 0;
  // How many articles match `filter`, paging aside (what `find` pages through). Errors as find's.
  virtual Result<std::int64_t> count(const Filter& filter) = 0;
  virtual Result<std::optional<StoredArticle>> get(std::int64_t id) = 0;
  // `url` is canonicalised first: any variant of the article's URL finds it. A text that is not
  // an absolute URL finds nothing.
  virtual Result<std::optional<StoredArticle>> get_by_url(const std::string& url) = 0;

  // Counts of articles matching `filter` per topic, provider or category, largest first, ties by
  // name; at most `limit` entries (0 = all).
  virtual Result<std::vector<FacetCount>> facet(Facet facet, const Filter& filter,
                                                std::int64_t limit) = 0;

  // The related entries of article `id`, each resolved against the store, and the stored articles
  // that list `id` as related. Empty for an unknown id.
  virtual Result<RelatedCoverage> related(std::int64_t id) = 0;

  // Totals, the date range, articles per month and the `top` largest topics and providers.
  virtual Result<StoreStats> stats(std::int64_t top) = 0;

  // Runs the user's SQL (one or more statements) on a connection that cannot write. A statement
  // that would write is refused before anything runs (kInvalidInput naming it), as is a syntax
  // error (kInvalidInput with the database's message). Each statement may run for at most
  // `timeout` (0 = no limit; time spent in `sink` does not count); one that runs longer is
  // stopped and the call fails with kStore saying so. The session also has a temporary view
  // `articles_iso`: articles with the provider's name and domain and the times as ISO-8601 UTC.
  virtual Result<void> run_sql(std::string_view sql, SqlRowSink& sink,
                               std::chrono::milliseconds timeout = kDefaultSqlTimeout) = 0;

  // The tables and views the SQL of `run_sql` can read, with their columns, by name;
  // `articles_iso` included, internal tables (the full-text index's shadow tables) left out.
  virtual Result<std::vector<TableSchema>> schema() = 0;
};

}  // namespace newsdb
