// STUB: implemented by the parser work (issue 2).
#include <newsdb/url.hpp>

namespace newsdb {

std::optional<std::string> canonical_url(std::string_view url) {
  if (url.empty()) return std::nullopt;
  return std::string(url);
}

}  // namespace newsdb
