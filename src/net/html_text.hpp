// Plain text from the HTML that feeds put in descriptions and contents, with libxml2's HTML
// parser in recover mode: tags dropped (script and style with their content), entities decoded,
// whitespace collapsed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsdb::net {

enum class TextLayout {
  kOneLine,     // everything on one line (titles, excerpts)
  kParagraphs,  // block elements become paragraphs separated by a blank line (bodies)
};

struct HtmlText {
  std::string text;                        // valid UTF-8
  std::optional<std::string> first_image;  // the first <img src>, as written (maybe relative)
};

// `html` is UTF-8. Bounded work whatever the input: at most `max_nodes` nodes are visited.
HtmlText html_to_text(std::string_view html, TextLayout layout, std::size_t max_nodes = 200'000);

}  // namespace newsdb::net
