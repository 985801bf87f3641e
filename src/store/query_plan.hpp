// How a Query becomes SQL, the part every backend shares: which filter drives the read, the order
// and the paging, and the shape of each statement. Each backend supplies its SQL dialect (a
// SqlDialect) and its own resolve() step, which turns the names in a Filter into what its schema
// stores: topic and provider ids, case-folded category and type keys, and its text query.
//
// "Newest N" is read from an index in order, never by sorting every match: with a topic filter
// from article_topics(topic_id, published_at), else with a provider filter from
// articles(provider_id, published_at), else with a category filter from articles(category_key,
// published_at), else from articles(published_at). Several ids (repeated filters, a provider name
// shared by two domains) each get their own index walk, limited to offset+limit rows, and the
// union of those short lists is sorted: the top rows of a union are within the top rows of its
// parts. Orders are the same on every backend: NULLs last (newest, heat, quality) or dated first
// then undated (oldest), ties by url in byte order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <newsdb/article_reader.hpp>
#include <newsdb/query.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/sql_builder.hpp"

namespace newsdb::store {

struct ResolvedFilter {
  const Filter* filter = nullptr;
  std::vector<std::int64_t> topic_ids;     // set when filter->topics is not empty
  std::vector<std::int64_t> provider_ids;  // set when filter->providers is not empty
  std::vector<std::string> category_keys;
  std::vector<std::string> type_keys;
  // The backend's text query (an FTS5 MATCH expression, a tsquery) when filter->text has words.
  std::string text_query;
  // A named topic or provider that does not exist, or text without words: nothing can match.
  bool matches_nothing = false;
};

// The names' case-folded keys (store::name_key), sorted, without repeats.
std::vector<std::string> name_keys(const std::vector<std::string>& names);

// Which dimension the rows are read from, in index order.
enum class Driver { kTopic, kProvider, kCategory, kDate };


// What a backend writes its own way. Every method appends to `q`.
class SqlDialect {
 public:
  virtual ~SqlDialect() = default;

  // "SELECT a.id AS id, <date> AS k, a.url AS u FROM ... WHERE <the driver's value>": the head of
  // one index walk over the `value`th id or key of `driver` (any value for kDate).
  virtual void walk_head(SqlBuilder& q, const ResolvedFilter& f, Driver driver,
                         std::size_t value) const = 0;
  // " ASC, " / " DESC, " after a walk's date column, however this backend puts NULLs last.
  virtual std::string_view date_direction(SortOrder sort) const = 0;
  // How one walk opens inside the union of walks (it is closed by ")").
  virtual std::string_view walk_open() const = 0;
  // Closes the union of walks and orders its rows by (k, u) as `sort` asks.
  virtual std::string_view walks_order(SortOrder sort) const = 0;
  // "SELECT a.id FROM <articles a matching the text query> WHERE <the match>".
  virtual void text_head(SqlBuilder& q, const ResolvedFilter& f) const = 0;
  // " AND <a matches the text query>".
  virtual void text_condition(SqlBuilder& q, const ResolvedFilter& f) const = 0;
  // The ORDER BY terms on `articles a` for `sort` (kRelevance: on the text_head's match).
  virtual std::string_view order_by(SortOrder sort) const = 0;
  // A condition that always holds, so that " AND ..." may follow a WHERE.
  virtual std::string_view always_true() const = 0;
  // The category's name as its earliest article wrote it, for the key `c.k`.
  virtual std::string_view category_name() const = 0;
  // LIMIT and OFFSET; limit 0 = all, offset 0 = none.
  virtual void limit_offset(SqlBuilder& q, std::int64_t limit, std::int64_t offset) const = 0;
};

// kInvalidInput for a Query no backend answers: relevance without text, a negative limit or
// offset.
Result<void> check_query(const Query& query);

// SELECT id of the matching articles in the query's order, paged (limit 0 = all). Column 0 is
// the article id.
void find_sql(SqlBuilder& q, const SqlDialect& dialect, const ResolvedFilter& filter,
              SortOrder sort, std::int64_t limit, std::int64_t offset);

// Facet counts: columns (name, domain or '', count) largest first, ties by name key; limit 0 =
// all. Topics and providers group by id, categories by key.
void facet_sql(SqlBuilder& q, const SqlDialect& dialect, Facet facet,
               const ResolvedFilter& filter, std::int64_t limit);

}  // namespace newsdb::store
