#include "serve/request_params.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace newsdb::serve {
namespace {

constexpr std::array<std::string_view, 12> kFilterNames = {
    "topic", "provider", "category", "type", "since", "until",
    "min-quality", "min-heat", "published", "text", "limit", "offset"};

bool takes(ParamSet set, std::string_view name) {
  if (set == ParamSet::kStats) return name == "top";
  bool filter = std::find(kFilterNames.begin(), kFilterNames.end(), name) != kFilterNames.end();
  if (set == ParamSet::kSearch && name == "text") return false;
  if (filter) return true;
  if (name == "sort") return set != ParamSet::kFacet;
  if (name == "q") return set == ParamSet::kSearch || set == ParamSet::kPage;
  if (name == "raw") return set == ParamSet::kSearch || set == ParamSet::kPage;
  return false;
}

std::string names_of(ParamSet set) {
  if (set == ParamSet::kStats) return "top";
  std::string out;
  auto add = [&](std::string_view n) {
    if (!takes(set, n)) return;
    if (!out.empty()) out += ", ";
    out += n;
  };
  if (set == ParamSet::kSearch) add("q");
  for (auto n : kFilterNames) add(n);
  add("sort");
  if (set == ParamSet::kPage) add("q");
  add("raw");
  return out;
}

Result<void> set_once(std::string& field, std::string_view name, const std::string& value) {
  if (!field.empty()) {
    return fail(ErrorKind::kInvalidInput,
                std::string(name) + " is given twice: send it once (only topic, provider, "
                                    "category and type repeat)");
  }
  if (value.empty()) {
    return fail(ErrorKind::kInvalidInput, std::string(name) + " is empty: give it a value or leave it out");
  }
  field = value;
  return {};
}

}  // namespace

Result<RequestFilters> read_params(const Params& params, ParamSet set) {
  if (params.size() > kMaxParameters) {
    return fail(ErrorKind::kInvalidInput, "too many parameters (" + std::to_string(params.size()) +
                                              "): at most " + std::to_string(kMaxParameters));
  }
  RequestFilters out;
  cli::FilterOptions& o = out.options;
  bool have_q = false;
  for (const auto& [name, value] : params) {
    if (!takes(set, name)) {
      return fail(ErrorKind::kInvalidInput,
                  "unknown parameter '" + name.substr(0, 64) + "': this endpoint takes " + names_of(set));
    }
    if (value.size() > kMaxValueBytes) {
      return fail(ErrorKind::kInvalidInput, name + " is too long (" + std::to_string(value.size()) +
                                                " bytes): at most " + std::to_string(kMaxValueBytes));
    }
    Result<void> ok;
    if (name == "topic") {
      o.topics.push_back(value);
    } else if (name == "provider") {
      o.providers.push_back(value);
    } else if (name == "category") {
      o.categories.push_back(value);
    } else if (name == "type") {
      o.types.push_back(value);
    } else if (name == "since") {
      ok = set_once(o.since, name, value);
    } else if (name == "until") {
      ok = set_once(o.until, name, value);
    } else if (name == "min-quality") {
      ok = set_once(o.min_quality, name, value);
    } else if (name == "min-heat") {
      ok = set_once(o.min_heat, name, value);
    } else if (name == "published") {
      ok = set_once(o.published, name, value);
    } else if (name == "text") {
      ok = set_once(o.text, name, value);
    } else if (name == "q") {
      if (have_q || !o.text.empty()) {
        ok = fail(ErrorKind::kInvalidInput, "q is given twice (or with text): send the words once");
      }
      have_q = true;
      o.text = value;
    } else if (name == "raw") {
      if (value != "yes" && value != "no" && value != "true" && value != "false" && value != "1" && value != "0") {
        ok = fail(ErrorKind::kInvalidInput, "raw takes yes or no, not '" + value.substr(0, 64) + "'");
      }
      o.raw = value == "yes" || value == "true" || value == "1";
    } else if (name == "sort") {
      ok = set_once(o.sort, name, value);
    } else if (name == "limit") {
      ok = set_once(o.limit, name, value);
    } else if (name == "offset") {
      ok = set_once(o.offset, name, value);
    } else if (name == "top") {
      ok = set_once(out.top, name, value);
    }
    if (!ok) return std::unexpected(ok.error());
  }
  bool blank = o.text.find_first_not_of(" \t\r\n") == std::string::npos;
  // A page's search box may be sent empty: that is the plain list.
  if (set == ParamSet::kPage && blank) o.text.clear();
  if (set == ParamSet::kSearch && blank) {
    return fail(ErrorKind::kInvalidInput, "search needs words to look for, e.g. /api/search?q=supply+chain");
  }
  return out;
}

Result<Query> to_request_query(const cli::FilterOptions& filters, ParamSet set) {
  bool search = set == ParamSet::kSearch || (set == ParamSet::kPage && !filters.text.empty());
  cli::QueryDefaults defaults{search ? SortOrder::kRelevance : SortOrder::kNewest, 20};
  if (set == ParamSet::kPage && !search) defaults.sort = SortOrder::kNewest;
  auto query = cli::to_query(filters, cli::current_time(), defaults);
  if (!query) return query;
  if (query->limit == 0 || query->limit > kMaxLimit) {
    return fail(ErrorKind::kInvalidInput,
                "limit " + std::to_string(query->limit) + " is not served: ask for at most " +
                    std::to_string(kMaxLimit) + " a page and page on with offset");
  }
  return query;
}

}  // namespace newsdb::serve
