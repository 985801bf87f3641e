// SQL text and its parameters built together: every value goes in as the next $n, so a statement
// assembled from optional pieces still never carries a value in its text.
//
//   PgSql q;
//   q.sql("SELECT id FROM articles WHERE heat >= ").value(std::int64_t{5});
//   conn.exec(q.text(), q.params());
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/postgres/connection.hpp"

namespace newsdb::postgres {

class PgSql {
 public:
  PgSql& sql(std::string_view text) {
    text_ += text;
    return *this;
  }
  template <typename T>
  PgSql& value(const T& v) {
    params_.add(v);
    text_ += "$" + std::to_string(params_.size());
    return *this;
  }
  // "$k, $k+1, ..." for a non-empty list.
  template <typename T>
  PgSql& values(const std::vector<T>& vs) {
    for (std::size_t i = 0; i < vs.size(); ++i) {
      if (i) text_ += ", ";
      value(vs[i]);
    }
    return *this;
  }

  const std::string& text() const { return text_; }
  const Params& params() const { return params_; }

 private:
  std::string text_;
  Params params_;
};

}  // namespace newsdb::postgres
