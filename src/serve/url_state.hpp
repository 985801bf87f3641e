// A list page's state is its query string (the FILTERS names, see request_params.hpp): these build
// the links that change one part of it. Every link drops `offset`, since a changed list starts
// from its first page; the pager's links are the exception (with_offset).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "serve/request_params.hpp"

namespace newsdb::serve {

// "PATH?a=1&b=2" (or PATH alone), values percent-encoded. Not yet HTML-escaped.
std::string link_to(std::string_view path, const Params& params);

// Whether name=value is part of the state (names compare exactly; values ignoring ASCII case,
// as the store matches names).
bool has_param(const Params& params, std::string_view name, std::string_view value);

// The state with name=value added (another OR for repeatable names), or removed when present.
Params toggled(const Params& params, std::string_view name, std::string_view value);

// The state with every `name` replaced by name=value (value "" removes them).
Params replaced(const Params& params, std::string_view name, std::string_view value);

Params with_offset(const Params& params, std::int64_t offset);

}  // namespace newsdb::serve
