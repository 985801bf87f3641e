// The frame every page shares: the document head (viewport for phones, the compiled-in
// stylesheet, nothing else), a header with the search box, and `body` (already HTML) in <main>.
// `title` and `search_text` are text: they are escaped here.
#pragma once

#include <string>
#include <string_view>

namespace newsdb::serve {

std::string page(std::string_view title, std::string_view body, std::string_view search_text = "");

// A page that says what went wrong, for a bad parameter (the CLI's message) or a missing article.
std::string error_page(std::string_view message);

}  // namespace newsdb::serve
