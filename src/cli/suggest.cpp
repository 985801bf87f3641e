#include "cli/suggest.hpp"

#include <algorithm>
#include <numeric>

namespace newsdb::cli {
namespace {

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lowered(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = lower(c);
  return out;
}

}  // namespace

int edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment distance over three rows of the table.
  std::vector<int> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  std::iota(previous.begin(), previous.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= b.size(); ++j) {
      int cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
          lower(a[i - 2]) == lower(b[j - 1])) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::vector<std::string> nearest(std::string_view typed, std::span<const std::string> candidates,
                                 std::size_t most) {
  struct Scored {
    int group;  // 0 starts with `typed`, 1 holds it, 2 a few edits away
    int score;  // length (groups 0 and 1) or distance (group 2)
    std::size_t index;
  };
  const std::string needle = lowered(typed);
  const int allowed = std::max(1, static_cast<int>(typed.size()) / 3);
  std::vector<Scored> scored;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    std::string name = lowered(candidates[i]);
    if (name == needle) continue;
    int length = static_cast<int>(name.size());
    if (!needle.empty() && name.starts_with(needle)) {
      scored.push_back({0, length, i});
    } else if (needle.size() >= 3 && name.find(needle) != std::string::npos) {
      scored.push_back({1, length, i});
    } else if (int d = edit_distance(needle, name); d <= allowed) {
      scored.push_back({2, d, i});
    }
  }
  std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    return a.group != b.group ? a.group < b.group : a.score < b.score;
  });
  std::vector<std::string> out;
  for (const auto& s : scored) {
    if (out.size() == most) break;
    out.push_back(candidates[s.index]);
  }
  return out;
}

std::string one_of(std::span<const std::string> names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

}  // namespace newsdb::cli
