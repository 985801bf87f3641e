// Where backend-neutral code writes SQL: text, and values that the backend binds as parameters
// (a `?` for SQLite, the next `$n` for PostgreSQL), so that no value is ever pasted into the text.
// Each backend's builder (sqlite::BoundSql, postgres::PgSql) implements it; what a value becomes
// (a bool is 0/1 in SQLite, a boolean in PostgreSQL) is the backend's business.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace newsdb::store {

class SqlBuilder {
 public:
  virtual ~SqlBuilder() = default;

  // Appends SQL text as it is.
  virtual SqlBuilder& sql(std::string_view text) = 0;
  // Appends one placeholder and records its value.
  virtual SqlBuilder& value(std::int64_t value) = 0;
  virtual SqlBuilder& value(std::string_view value) = 0;
  virtual SqlBuilder& value(bool value) = 0;
  // Appends one placeholder per value, separated by ", " (callers never pass an empty list).
  virtual SqlBuilder& values(std::span<const std::int64_t> values) = 0;
  virtual SqlBuilder& values(std::span<const std::string> values) = 0;

 protected:
  SqlBuilder() = default;
  SqlBuilder(const SqlBuilder&) = default;
  SqlBuilder& operator=(const SqlBuilder&) = default;
  SqlBuilder(SqlBuilder&&) = default;
  SqlBuilder& operator=(SqlBuilder&&) = default;
};

}  // namespace newsdb::store
