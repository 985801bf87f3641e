// The pages people read, server-rendered HTML that works without JavaScript:
//
//   GET /                 the newest articles with facet counts (topics, providers, categories,
//                         a date histogram) beside them; every facet is a link that narrows the
//                         list, and the query string holds the whole state (the FILTERS names)
//   GET /search?q=TEXT    the same list for a search, best match first, snippets highlighted
//   GET /articles/{id}    one article, every field, its images and related coverage
//   GET /stats            totals and SVG charts
//   GET /static/NAME      the compiled-in assets (assets.hpp)
//
// A story page (/stories/{id}) joins here when the store groups articles into stories.
#pragma once

#include <httplib.h>

#include "serve/store_pool.hpp"

namespace newsdb::serve {

void add_page_routes(httplib::Server& server, StorePool& stores);

}  // namespace newsdb::serve
