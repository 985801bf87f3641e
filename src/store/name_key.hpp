// The key that names are compared by (topics, providers and their domains, categories, types):
// "matching of topic, provider and category names ignores case" (DESIGN.md). Every backend's
// writer stores this key beside the name and every reader folds the user's value the same way, so
// the two must come from this one function.
#pragma once

#include <string>
#include <string_view>

namespace newsdb::store {

// Lower-cases `name` by Unicode simple case mapping for the scripts news names are written in:
// ASCII, Latin-1, Latin Extended-A and Additional, Greek, Cyrillic, Armenian and fullwidth Latin.
// Other characters, and bytes that are not valid UTF-8, are kept as they are. Nothing else
// changes (no trimming, no accent removal), so distinct names stay distinct.
std::string name_key(std::string_view name);

}  // namespace newsdb::store
