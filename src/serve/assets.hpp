// The server's own static files, compiled into the program: /static/NAME is looked up by name in
// this table and nothing else, so no part of a request ever reaches the filesystem.
#pragma once

#include <optional>
#include <string_view>

namespace newsdb::serve {

struct Asset {
  std::string_view content_type;
  std::string_view body;
};

// The asset called `name` ("style.css"), or nullopt.
std::optional<Asset> find_asset(std::string_view name);

}  // namespace newsdb::serve
