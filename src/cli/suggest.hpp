// "Did you mean ...?": the names nearest to what a user typed, for misspelled commands, options
// and topic, provider or category names.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace newsdb::cli {

// Edit distance (insertions, deletions, substitutions and swaps of two neighbours), ignoring
// ASCII case.
int edit_distance(std::string_view a, std::string_view b);

// At most `most` of `candidates` that `typed` is likely a misspelling or a part of, best first:
// those that start with it or hold it (ignoring ASCII case; shorter first), then those within a
// few edits (about one in three characters, at least one), nearest first; ties keep the
// candidates' order. Empty when none is near.
std::vector<std::string> nearest(std::string_view typed, std::span<const std::string> candidates,
                                 std::size_t most = 3);

// "A", "A or B", "A, B or C".
std::string one_of(std::span<const std::string> names);

}  // namespace newsdb::cli
