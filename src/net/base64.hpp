// Base64 (RFC 4648) as feeds use it: Atom 0.3's mode="base64" content.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsdb::net {

// The bytes `text` encodes. Whitespace anywhere is ignored (MIME wraps lines at 76 characters);
// padding is optional. nullopt when anything else is not in the alphabet, or the length cannot
// be a whole encoding.
std::optional<std::string> decode_base64(std::string_view text);

}  // namespace newsdb::net
