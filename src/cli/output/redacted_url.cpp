#include "cli/output/redacted_url.hpp"

#include <cctype>

namespace newsdb::cli {
namespace {

bool scheme_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
}

// Where the authority that starts at `authority` ends in a URL quoted by a message: at the path,
// query or fragment, or at what cannot be part of a URL (blanks, quotes, brackets).
std::size_t authority_end(std::string_view text, std::size_t authority, bool in_text) {
  for (std::size_t i = authority; i < text.size(); ++i) {
    char c = text[i];
    if (c == '/' || c == '?' || c == '#') return i;
    if (in_text && (std::isspace(static_cast<unsigned char>(c)) || c == '"' || c == '\'' ||
                    c == '<' || c == '>' || c == '`' || c == ')' || c == ']')) {
      return i;
    }
  }
  return text.size();
}

// Redacts the URL whose "://" is at `sep`, appending to `out` from `from`; returns where the
// authority ends (what is left to copy).
std::size_t redact_at(std::string_view text, std::size_t sep, bool in_text, std::string& out,
                      std::size_t from) {
  std::size_t authority = sep + 3;
  std::size_t end = authority_end(text, authority, in_text);
  // The last '@' of the authority ends the userinfo (a password may hold an unescaped '@').
  auto at = text.substr(authority, end - authority).rfind('@');
  if (at == std::string_view::npos) {
    out.append(text.substr(from, end - from));
    return end;
  }
  at += authority;
  auto colon = text.substr(authority, at - authority).find(':');
  if (colon == std::string_view::npos) {
    out.append(text.substr(from, end - from));
    return end;
  }
  colon += authority;
  out.append(text.substr(from, colon + 1 - from));
  out += "***";
  out.append(text.substr(at, end - at));
  return end;
}

}  // namespace

std::string redacted_url(std::string_view url) {
  auto sep = url.find("://");
  if (sep == std::string_view::npos) return std::string(url);
  std::string out;
  std::size_t end = redact_at(url, sep, /*in_text=*/false, out, 0);
  out.append(url.substr(end));
  return out;
}

std::string redacted_text(std::string_view text) {
  std::string out;
  std::size_t copied = 0;
  for (std::size_t sep = text.find("://"); sep != std::string_view::npos;
       sep = text.find("://", copied)) {
    if (sep == 0 || !scheme_char(text[sep - 1])) {
      out.append(text.substr(copied, sep + 3 - copied));
      copied = sep + 3;
      continue;
    }
    copied = redact_at(text, sep, /*in_text=*/true, out, copied);
  }
  out.append(text.substr(copied));
  return out;
}

Diagnostic redacted(Diagnostic d) {
  d.path = redacted_url(d.path);
  d.message = redacted_text(d.message);
  return d;
}

}  // namespace newsdb::cli
