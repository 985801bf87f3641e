#include "cli/output/redacted_url.hpp"

namespace newsdb::cli {

std::string redacted_url(std::string_view url) {
  auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::string(url);
  auto authority = scheme_end + 3;
  auto authority_end = url.find_first_of("/?#", authority);
  if (authority_end == std::string_view::npos) authority_end = url.size();
  // The last '@' of the authority ends the userinfo (a password may hold an unescaped '@').
  auto at = url.substr(authority, authority_end - authority).rfind('@');
  if (at == std::string_view::npos) return std::string(url);
  at += authority;
  auto colon = url.substr(authority, at - authority).find(':');
  if (colon == std::string_view::npos) return std::string(url);
  colon += authority;
  return std::string(url.substr(0, colon + 1)) + "***" + std::string(url.substr(at));
}

}  // namespace newsdb::cli
