#include "store/sqlite/bound_sql.hpp"

namespace newsdb::sqlite {

BoundSql& BoundSql::value(std::int64_t value) {
  text_ += '?';
  parameters_.emplace_back(value);
  return *this;
}

BoundSql& BoundSql::value(std::string_view value) {
  text_ += '?';
  parameters_.emplace_back(std::string(value));
  return *this;
}

BoundSql& BoundSql::values(std::span<const std::int64_t> values) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) text_ += ", ";
    value(values[i]);
  }
  return *this;
}

BoundSql& BoundSql::values(std::span<const std::string> values) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) text_ += ", ";
    value(std::string_view(values[i]));
  }
  return *this;
}

BoundSql& BoundSql::append(const BoundSql& other) {
  text_ += other.text_;
  parameters_.insert(parameters_.end(), other.parameters_.begin(), other.parameters_.end());
  return *this;
}

Result<Statement> BoundSql::prepare(Database& db) const {
  auto stmt = db.prepare(text_);
  if (!stmt) return stmt;
  int index = 1;
  for (const auto& p : parameters_) {
    std::visit([&](const auto& v) { stmt->bind(index, v); }, p);
    ++index;
  }
  return stmt;
}

}  // namespace newsdb::sqlite
