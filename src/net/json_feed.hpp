// JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1).
#pragma once

#include <newsdb/feed.hpp>
#include <nlohmann/json.hpp>

namespace newsdb::net {

// True when `doc` is an object whose "version" names jsonfeed.org.
bool is_json_feed(const nlohmann::json& doc);

ParsedFeed parse_json_feed(const nlohmann::json& doc, const FeedContext& context);

}  // namespace newsdb::net
