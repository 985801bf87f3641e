// SQL text assembled piece by piece with its parameters kept beside it, so that a query whose
// shape depends on the request (how many topics, which filters) never has a value pasted into it:
// every value becomes a `?` and is bound when the statement is prepared.
#pragma once

#include <cstdint>
#include <newsdb/error.hpp>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "store/sqlite/database.hpp"

namespace newsdb::sqlite {

using SqlParameter = std::variant<std::int64_t, std::string>;

class BoundSql {
 public:
  BoundSql& sql(std::string_view text) {
    text_ += text;
    return *this;
  }
  // Appends `?` and records `value` as its parameter.
  BoundSql& value(std::int64_t value);
  BoundSql& value(std::string_view value);
  // Appends `?, ?, ...`, one per value (callers never pass an empty list).
  BoundSql& values(std::span<const std::int64_t> values);
  BoundSql& values(std::span<const std::string> values);
  // Appends another BoundSql's text and parameters.
  BoundSql& append(const BoundSql& other);

  const std::string& text() const { return text_; }
  std::span<const SqlParameter> parameters() const { return parameters_; }
  bool empty() const { return text_.empty(); }

  // Prepares the text on `db` and binds every parameter in order.
  Result<Statement> prepare(Database& db) const;

 private:
  std::string text_;
  std::vector<SqlParameter> parameters_;
};

}  // namespace newsdb::sqlite
