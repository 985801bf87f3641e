// SQL text and its parameters built together: every value goes in as the next $n, so a statement
// assembled from optional pieces still never carries a value in its text.
//
//   PgSql q;
//   q.sql("SELECT id FROM articles WHERE heat >= ").value(std::int64_t{5});
//   conn.exec(q.text(), q.params());
#pragma once

#include <cstdint>
#include <string>
#include <span>
#include <string_view>
#include <vector>

#include "store/postgres/connection.hpp"
#include "store/sql_builder.hpp"

namespace newsdb::postgres {

class PgSql final : public store::SqlBuilder {
 public:
  PgSql& sql(std::string_view text) override {
    text_ += text;
    return *this;
  }
  PgSql& value(std::int64_t v) override { return add(v); }
  PgSql& value(std::string_view v) override { return add(v); }
  PgSql& value(bool v) override { return add(v); }
  template <typename T>
  PgSql& value(const T& v) {
    return add(v);
  }
  // "$k, $k+1, ..." for a non-empty list.
  PgSql& values(std::span<const std::int64_t> vs) override { return add_all(vs); }
  PgSql& values(std::span<const std::string> vs) override { return add_all(vs); }

  const std::string& text() const { return text_; }
  const Params& params() const { return params_; }

 private:
  template <typename T>
  PgSql& add(const T& v) {
    params_.add(v);
    text_ += "$" + std::to_string(params_.size());
    return *this;
  }
  template <typename T>
  PgSql& add_all(std::span<const T> vs) {
    for (std::size_t i = 0; i < vs.size(); ++i) {
      if (i) text_ += ", ";
      add(vs[i]);
    }
    return *this;
  }

  std::string text_;
  Params params_;
};

}  // namespace newsdb::postgres
