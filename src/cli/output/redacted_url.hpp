// URLs as newsdb prints them: a password in the userinfo (https://user:secret@host/) is never
// shown; it is printed as `***`. Everything else of the URL is kept.
#pragma once

#include <newsdb/diagnostic.hpp>
#include <string>
#include <string_view>

namespace newsdb::cli {

// "https://user:secret@host/feed" -> "https://user:***@host/feed"; a URL without a password in
// its userinfo (or any other text) comes back unchanged.
std::string redacted_url(std::string_view url);

// `text` with every URL in it redacted as redacted_url does (a message that quotes URLs: "cannot
// fetch https://u:***@host/feed: HTTP 401").
std::string redacted_text(std::string_view text);

// `d` with its path and message redacted: what import, fetch and errors print of a URL input.
Diagnostic redacted(Diagnostic d);

}  // namespace newsdb::cli
