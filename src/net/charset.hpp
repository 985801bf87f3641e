// Character sets of fetched documents: reading the declared one, converting to UTF-8 (iconv).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace newsdb::net {

// The charset parameter of a Content-Type ("text/xml; charset=ISO-8859-1" -> "ISO-8859-1"),
// unquoted; nullopt when there is none.
std::optional<std::string> charset_of(std::string_view content_type);

// True for the names UTF-8 goes by ("utf-8", "UTF8", "utf_8") and for US-ASCII, which is a
// subset of it.
bool is_utf8_name(std::string_view charset);

// `bytes` converted from `charset` to UTF-8. nullopt when iconv does not know the charset;
// bytes invalid in it become U+FFFD, counted in `*replaced` when given.
std::optional<std::string> to_utf8(std::string_view bytes, const std::string& charset,
                                   std::size_t* replaced = nullptr);

// True when iconv can convert from `charset`.
bool is_known_charset(const std::string& charset);

}  // namespace newsdb::net
