// Dates as every command prints them: YYYY-MM-DDTHH:MM:SSZ (docs/cli.md), or an empty string when
// an article has none.
#pragma once

#include <newsdb/article.hpp>
#include <optional>
#include <string>

namespace newsdb::cli {

std::string date_text(const std::optional<Timestamp>& t);

}  // namespace newsdb::cli
