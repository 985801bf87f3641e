// A document fetched over HTTP as an input of the import pipeline, whoever asked for it: `import
// URL` (feed_fetch.cpp) or a source's poll (feed_poller.cpp). Both give it the same identity in
// the import log (the URL, the body's size and content hash) and then the pipeline's rules
// (input_outcome.hpp): bytes that hash as recorded are not parsed again, and the rest becomes a
// ParsedFile like any file's.
#pragma once

#include <newsdb/document.hpp>
#include <newsdb/feed.hpp>
#include <newsdb/feed_fetch.hpp>
#include <newsdb/fetch.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/input_outcome.hpp"

namespace newsdb::ingest {

struct FetchedDocument {
  InputIdentity id;
  std::optional<FeedFormat> format;  // nullopt: not readable as any format (`parsed` says why)
  std::optional<std::string> title;  // the feed's own title, when it has one
  // kArticles, or kFailed with the diagnostics of what failed (an unreadable document is one
  // failed record with one error at id.path). Item diagnostics name the document's URL.
  ParsedInput parsed;
};

// The identity of `body` fetched for the import log key `key`: its size and content hash (a
// fetched document has no mtime).
InputIdentity fetched_identity(const std::string& key, std::string_view body);

// Parses a 2xx `response` fetched at `fetched_at` (parse_feed); made-up dates go through
// keep_known_dates(`known`).
FetchedDocument parse_fetched(InputIdentity id, const HttpResponse& response, Timestamp fetched_at,
                              const ParseLimits& limits, const KnownFetchDate& known);

}  // namespace newsdb::ingest
