#include "cli/commands/check_stream.hpp"

#include <algorithm>
#include <optional>

namespace newsdb::cli {

CheckStreamStats check_inputs(
    const std::vector<std::string>& sources, const CheckStreamOptions& options,
    const std::function<void(const Diagnostic&)>& problem,
    const std::function<void(const ingest::InputItem&, ParsedInput&&)>& parsed) {
  CheckStreamStats stats;
  const std::size_t group_size = std::max<std::size_t>(options.group, 1);
  std::vector<ingest::InputItem> group;
  group.reserve(group_size);
  auto parse_group = [&] {
    if (group.empty()) return;
    stats.most_inputs_held = std::max(stats.most_inputs_held, group.size());
    ingest::parse_in_order(group, options.pool,
                           [&](const ingest::InputItem& item, ParsedInput&& result) {
                             ++stats.inputs;
                             parsed(item, std::move(result));
                             return true;
                           });
    group.clear();
  };
  ingest::InputWalk walk(sources);
  for (;;) {
    std::optional<ingest::InputItem> item = walk.next();
    std::vector<Diagnostic> problems = walk.take_problems();
    // The walk met these on its way to `item`: after the inputs before it, so those go first.
    if (!problems.empty() || !item || group.size() == group_size) parse_group();
    for (const Diagnostic& d : problems) problem(d);
    if (!item) break;
    group.push_back(std::move(*item));
  }
  return stats;
}

}  // namespace newsdb::cli
