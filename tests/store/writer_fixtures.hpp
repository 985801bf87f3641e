// Hand-built articles and a plain-SQL view of a SQLite store, for the writer's tests.
#pragma once

#include <chrono>
#include <cstdint>
#include <newsdb/article_writer.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/parsed_file.hpp"
#include "store/sqlite/database.hpp"

namespace newsdb::test {

inline Timestamp at(std::int64_t seconds) { return Timestamp(std::chrono::seconds(seconds)); }

// A minimal valid article: title and URL (canonical_url set to the URL as given).
inline Article article(const std::string& url, const std::string& title) {
  Article a;
  a.title = title;
  a.original_url = url;
  a.canonical_url = url;
  return a;
}

// One input holding `articles`, imported cleanly.
inline ParsedFile file(const std::string& path, std::vector<Article> articles) {
  ParsedFile f;
  f.record.path = path;
  f.record.size = 100;
  f.record.mtime_ns = 1'700'000'000'000'000'000;
  f.record.content_hash = "hash-of-" + path;
  f.record.articles = static_cast<std::int64_t>(articles.size());
  f.articles = std::move(articles);
  return f;
}

// A second connection for reading what the writer committed with plain SQL.
class SqlView {
 public:
  explicit SqlView(const std::string& path) : db_(open(path)) {}
  // The first column of the first row of `sql` as text ("" for NULL; "<none>" when no row).
  std::string text(const std::string& sql, const std::vector<std::string>& args = {});
  std::int64_t integer(const std::string& sql, const std::vector<std::string>& args = {});
  // Every row, columns joined by '|' (NULL written as "NULL").
  std::vector<std::string> rows(const std::string& sql, const std::vector<std::string>& args = {});

 private:
  static sqlite::Database open(const std::string& path);
  sqlite::Database db_;
};

inline sqlite::Database SqlView::open(const std::string& path) {
  auto db = sqlite::Database::open(path, sqlite::Database::Access::kReadOnly);
  if (!db) throw std::runtime_error(db.error().message);
  return std::move(*db);
}


inline std::vector<std::string> SqlView::rows(const std::string& sql,
                                       const std::vector<std::string>& args) {
  auto q = db_.prepare(sql);
  if (!q) throw std::runtime_error(q.error().message);
  for (std::size_t i = 0; i < args.size(); ++i) q->bind(static_cast<int>(i + 1), args[i]);
  std::vector<std::string> out;
  for (;;) {
    auto row = q->step();
    if (!row) throw std::runtime_error(row.error().message);
    if (!*row) break;
    std::string line;
    for (int c = 0; c < q->column_count(); ++c) {
      if (c > 0) line += '|';
      line += q->is_null(c) ? "NULL" : q->column_text(c);
    }
    out.push_back(line);
  }
  return out;
}

inline std::string SqlView::text(const std::string& sql, const std::vector<std::string>& args) {
  auto q = db_.prepare(sql);
  if (!q) throw std::runtime_error(q.error().message);
  for (std::size_t i = 0; i < args.size(); ++i) q->bind(static_cast<int>(i + 1), args[i]);
  auto row = q->step();
  if (!row) throw std::runtime_error(row.error().message);
  return *row ? q->column_text(0) : "<none>";
}

inline std::int64_t SqlView::integer(const std::string& sql, const std::vector<std::string>& args) {
  return std::stoll(text(sql, args));
}

}  // namespace newsdb::test
