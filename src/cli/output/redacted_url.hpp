// URLs as newsdb prints them: a password in the userinfo (https://user:secret@host/) is never
// shown; it is printed as `***`. Everything else of the URL is kept.
#pragma once

#include <string>
#include <string_view>

namespace newsdb::cli {

// "https://user:secret@host/feed" -> "https://user:***@host/feed"; a URL without a password in
// its userinfo (or any other text) comes back unchanged.
std::string redacted_url(std::string_view url);

}  // namespace newsdb::cli
