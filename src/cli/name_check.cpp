#include "cli/name_check.hpp"

#include "cli/suggest.hpp"

namespace newsdb::cli {
namespace {

struct Kind {
  Facet facet;
  std::vector<std::string> Filter::*names;
  const char* noun;
  const char* command;
};

constexpr Kind kKinds[] = {
    {Facet::kTopic, &Filter::topics, "topic", "topics"},
    {Facet::kProvider, &Filter::providers, "provider", "providers"},
    {Facet::kCategory, &Filter::categories, "category", "categories"},
};

Result<bool> exists(ArticleReader& reader, const Kind& kind, const std::string& name) {
  Filter only;
  (only.*kind.names).push_back(name);
  auto counts = reader.facet(kind.facet, only, 1);
  if (!counts) return std::unexpected(counts.error());
  return !counts->empty();
}

// Every stored name of `kind` (and each provider's domain), largest first.
Result<std::vector<std::string>> known_names(ArticleReader& reader, const Kind& kind) {
  auto counts = reader.facet(kind.facet, Filter{}, 0);
  if (!counts) return std::unexpected(counts.error());
  std::vector<std::string> names;
  for (const auto& c : *counts) {
    names.push_back(c.name);
    if (!c.domain.empty() && c.domain != c.name) names.push_back(c.domain);
  }
  return names;
}

}  // namespace

Result<std::vector<std::string>> check_names(ArticleReader& reader, Filter& filter) {
  std::vector<std::string> warnings;
  for (const Kind& kind : kKinds) {
    std::optional<std::vector<std::string>> known;  // read once, on the first miss
    for (std::string& name : filter.*kind.names) {
      auto found = exists(reader, kind, name);
      if (!found) return std::unexpected(found.error());
      if (*found) continue;
      if (kind.facet == Facet::kProvider && name.size() > 4 &&
          (name.starts_with("www.") || name.starts_with("WWW."))) {
        auto bare = exists(reader, kind, name.substr(4));
        if (!bare) return std::unexpected(bare.error());
        if (*bare) {
          name = name.substr(4);
          continue;
        }
      }
      if (!known) {
        auto names = known_names(reader, kind);
        if (!names) return std::unexpected(names.error());
        known = std::move(*names);
      }
      std::string warning = std::string("no ") + kind.noun + " is named '" + name + "'";
      if (auto near = nearest(name, *known); !near.empty()) {
        warning += ": did you mean " + one_of(near) + "?";
      } else {
        warning += std::string(" (`newsdb ") + kind.command + " --limit 0` lists them all)";
      }
      warnings.push_back(std::move(warning));
    }
  }
  return warnings;
}

}  // namespace newsdb::cli
