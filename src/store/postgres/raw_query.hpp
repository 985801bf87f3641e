// `search --raw` on PostgreSQL: the FTS5 query syntax SQLite understands, turned into a tsquery,
// so that one expression means the same on both backends.
//
// Supported: "phrases" and barewords (cut into words as search_text.hpp cuts them), prefix
// queries (word*), AND, OR, NOT (FTS5's precedence: NOT binds tightest, then AND, then OR;
// juxtaposition is AND), parentheses, column filters (title: excerpt: body: topics_text:, a
// {list}: of them, or -col: for every other column), phrases joined by +, and NEAR(a b, N), which
// becomes "all of them" (tsquery has no proximity window). The initial-token marker ^ is ignored.
#pragma once

#include <newsdb/error.hpp>
#include <string>
#include <string_view>

namespace newsdb::postgres {

// The tsquery text for `expression`; "" when it holds no words at all (nothing matches).
// kInvalidInput with the reason when the syntax is wrong.
Result<std::string> raw_query(std::string_view expression);

}  // namespace newsdb::postgres
