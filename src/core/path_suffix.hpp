// File-name endings compared ignoring ASCII case: `A.NDJSON` and `dump.TAR.GZ` are what they say
// (archives made on systems that upper-case names are common; a case-sensitive test would walk
// past them as "not an article" without a word).
#pragma once

#include <cstddef>
#include <string_view>

namespace newsdb {

// `suffix` is lower case.
inline bool has_suffix(std::string_view path, std::string_view suffix) {
  if (path.size() < suffix.size()) return false;
  std::string_view tail = path.substr(path.size() - suffix.size());
  for (std::size_t i = 0; i < tail.size(); ++i) {
    char c = tail[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

}  // namespace newsdb
