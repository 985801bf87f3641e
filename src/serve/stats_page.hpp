// The stats page (/stats): what `newsdb stats` prints, with SVG charts for articles per month and
// the largest topics and providers (each bar a link to their articles).
#pragma once

#include <newsdb/article_reader.hpp>
#include <string>

namespace newsdb::serve {

std::string render_stats_page(const StoreStats& stats);

}  // namespace newsdb::serve
