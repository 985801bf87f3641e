// Reading whole articles back from the PostgreSQL tables: the article row, its provider, its
// images and related entries, decoded exactly as the writer encoded them. A page of ids is read
// in three statements, whatever its size.
#pragma once

#include <cstdint>
#include <newsdb/article_reader.hpp>
#include <optional>
#include <span>
#include <vector>

#include "store/postgres/connection.hpp"

namespace newsdb::postgres {

// The articles `ids` names, in the same order; nullopt for an id that is not stored. kStore when
// a stored value does not decode (a damaged row: the message says to re-import its file).
Result<std::vector<std::optional<StoredArticle>>> load_articles(Connection& conn,
                                                                std::span<const std::int64_t> ids);

}  // namespace newsdb::postgres
