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

#include "store/sql_builder.hpp"
#include "store/sqlite/database.hpp"

namespace newsdb::sqlite {

using SqlParameter = std::variant<std::int64_t, std::string>;

class BoundSql final : public store::SqlBuilder {
 public:
  BoundSql& sql(std::string_view text) override {
    text_ += text;
    return *this;
  }
  // Appends `?` and records `value` as its parameter; a bool binds as 1 or 0.
  BoundSql& value(std::int64_t value) override;
  BoundSql& value(std::string_view value) override;
  BoundSql& value(bool value) override { return this->value(std::int64_t{value ? 1 : 0}); }
  // Appends `?, ?, ...`, one per value (callers never pass an empty list).
  BoundSql& values(std::span<const std::int64_t> values) override;
  BoundSql& values(std::span<const std::string> values) override;
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
