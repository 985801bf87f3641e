// The JSON API: each endpoint answers with what the matching command prints with --format json,
// from the same builders (cli/output), so the two cannot drift apart.
//
//   GET /api/articles?FILTERS&sort=&limit=&offset=   newsdb query FILTERS --format json
//   GET /api/search?q=TEXT&FILTERS                   newsdb search TEXT FILTERS --format json
//   GET /api/articles/{id}                           newsdb show ID --format json (404 if none)
//   GET /api/topics|providers|categories?FILTERS     newsdb topics|... FILTERS --format json
//   GET /api/stats?top=N                             newsdb stats --format json
//
// Stories (/api/stories, /api/stories/{id}) join here when the store groups articles into
// stories: one more route each, built from the stories commands' JSON.
//
// A bad parameter is 400 with {"error": the CLI's message}; see request_params.hpp for names and
// limits.
#pragma once

#include <httplib.h>

#include "serve/store_pool.hpp"

namespace newsdb::serve {

void add_api_routes(httplib::Server& server, StorePool& stores);

}  // namespace newsdb::serve
