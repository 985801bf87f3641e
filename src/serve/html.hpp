// Writing HTML from hostile text. Everything a page shows comes from feeds and files the user did
// not write, so every piece of text goes through escape() and every link or image through
// http_url(): there is no other way to put store text into a page.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsdb::serve {

// Text safe in element content and in a quoted attribute value: & < > " ' are written as
// character references; C0 control characters other than tab and newline (and DEL) are dropped.
std::string escape(std::string_view text);

// `url` without surrounding spaces when it is an absolute http:// or https:// URL (scheme in any
// case) without whitespace or control characters, else nullopt: javascript:, data:, relative and protocol-relative URLs never
// become links or images. The result still needs escape() in an attribute.
std::optional<std::string> http_url(std::string_view url);

// A search snippet (kMatchStart/kMatchEnd around matched terms) as escaped HTML with each match in
// <mark>. Unbalanced markers are closed; nothing else of the snippet becomes markup.
std::string highlighted(std::string_view snippet);

// `text` cut to at most `bytes` bytes at a character boundary, with "…" when cut.
std::string shortened(std::string_view text, std::size_t bytes);

// Percent-encoding for a query-string value (RFC 3986 unreserved characters kept).
std::string url_encoded(std::string_view text);

}  // namespace newsdb::serve
