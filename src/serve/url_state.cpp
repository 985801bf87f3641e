#include "serve/url_state.hpp"

#include <algorithm>

#include "serve/html.hpp"

namespace newsdb::serve {
namespace {

bool same_ignoring_case(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return lower(x) == lower(y);
  });
}

Params without(const Params& params, std::string_view name) {
  Params out;
  for (const auto& p : params) {
    if (p.first != name) out.push_back(p);
  }
  return out;
}

}  // namespace

std::string link_to(std::string_view path, const Params& params) {
  std::string out(path);
  char separator = '?';
  for (const auto& [name, value] : params) {
    out += separator;
    out += url_encoded(name);
    out += '=';
    out += url_encoded(value);
    separator = '&';
  }
  return out;
}

bool has_param(const Params& params, std::string_view name, std::string_view value) {
  return std::any_of(params.begin(), params.end(), [&](const auto& p) {
    return p.first == name && same_ignoring_case(p.second, value);
  });
}

Params toggled(const Params& params, std::string_view name, std::string_view value) {
  Params out = without(params, "offset");
  if (has_param(out, name, value)) {
    std::erase_if(out, [&](const auto& p) { return p.first == name && same_ignoring_case(p.second, value); });
  } else {
    out.emplace_back(std::string(name), std::string(value));
  }
  return out;
}

Params replaced(const Params& params, std::string_view name, std::string_view value) {
  Params out = without(without(params, "offset"), name);
  if (!value.empty()) out.emplace_back(std::string(name), std::string(value));
  return out;
}

Params with_offset(const Params& params, std::int64_t offset) {
  Params out = without(params, "offset");
  if (offset > 0) out.emplace_back("offset", std::to_string(offset));
  return out;
}

}  // namespace newsdb::serve
