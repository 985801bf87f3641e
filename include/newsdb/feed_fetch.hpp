// Reading http(s) URLs once, as inputs of `newsdb import URL` (docs/feeds.md): each URL
// is fetched (no validators, no source bookkeeping) and parsed by parse_feed, so a URL may serve
// any format newsdb reads: RSS, Atom, JSON Feed, article JSON / NDJSON, or one article document.
//
// This is the seam between the import pipeline (src/ingest) and the network: the pipeline hands
// over its URL inputs and gets back one ParsedInput per URL, in the same order, like any file.
#pragma once

#include <functional>
#include <newsdb/article_reader.hpp>
#include <newsdb/clock.hpp>
#include <newsdb/document.hpp>
#include <newsdb/feed.hpp>
#include <newsdb/fetch.hpp>
#include <optional>
#include <string>
#include <vector>

namespace newsdb {

struct FetchedInput {
  std::string url;                  // as given: the import record's path and diagnostics' path
  std::string final_url;            // after redirects ("" when nothing came back)
  std::size_t bytes = 0;            // the body's size
  std::string content_hash;         // of the body, as the store's import records keep it
  std::optional<FeedFormat> format; // what the body was, when it was readable
  // kArticles, or kFailed with a diagnostic saying why (network, HTTP status, not a feed) and the
  // articles that could be read.
  // failed_records counts the records that failed: each bad record of an article-format
  // document is one; a URL that gave nothing readable is one.
  ParsedInput parsed;
};

// The date the store already gives the article with this canonical URL, or nullopt when it does
// not have it. Lets an item whose date is not its own keep the date it was first given.
using KnownFetchDate = std::function<std::optional<Timestamp>(const std::string& canonical_url)>;

// The dates `reader` has (get_by_url); a read that fails counts as not known. The reader must
// outlive the function and be used from one thread at a time, as usual.
KnownFetchDate known_dates_in(ArticleReader& reader);

// Gives every article whose date the parser made up (kDateSourceField "fetched": it had none;
// "clamped": it was in the future) the date `known` has for it, so that reading the same feed
// again does not move those dates to the new fetch time and count the items as updated. Articles
// `known` does not know keep the parser's date; a null `known` changes nothing.
void keep_known_dates(std::vector<Article>& articles, const KnownFetchDate& known);

// Fetches `urls` concurrently through `http` and parses each; results come in the order of
// `urls`. Made-up dates go through keep_known_dates(`known`). Never fails as a whole: every
// problem is a diagnostic of its URL.
std::vector<FetchedInput> fetch_url_inputs(const std::vector<std::string>& urls, HttpClient& http,
                                           const Clock& clock, const ParseLimits& limits = {},
                                           const KnownFetchDate& known = {});

}  // namespace newsdb
