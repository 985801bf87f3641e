// The key a name is matched by: topic, provider and category filters "ignore case" (docs/cli.md),
// so the store keeps a folded copy of each name (*_key columns) and folds the user's value the
// same way. Every backend and both sides (writer and reader) must use this one function.
#pragma once

#include <string>
#include <string_view>

namespace newsdb::store {

// Lower-cases every letter Unicode gives a lower-case form (É -> é, Ж -> ж, ASCII), byte for byte
// elsewhere; no other normalisation (accents and spaces are kept). Bytes that are not valid UTF-8
// are copied unchanged. Thread-safe.
std::string name_key(std::string_view name);

}  // namespace newsdb::store
