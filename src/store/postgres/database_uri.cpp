#include "store/postgres/database_uri.hpp"

#include <libpq-fe.h>

#include <cctype>
#include <memory>

namespace newsdb::postgres {
namespace {

struct ConninfoFree {
  void operator()(PQconninfoOption* options) const { PQconninfoFree(options); }
};

// Where the authority (user@host:port) of a URI starts, or npos when `uri` is not a URI.
std::size_t authority_start(const std::string& uri) {
  for (const char* scheme : {"postgresql://", "postgres://"}) {
    if (uri.starts_with(scheme)) return std::string(scheme).size();
  }
  return std::string::npos;
}

std::string percent_encoded(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> uri_database(const std::string& uri) {
  char* error = nullptr;
  std::unique_ptr<PQconninfoOption, ConninfoFree> options(PQconninfoParse(uri.c_str(), &error));
  if (error) PQfreemem(error);
  if (!options) return std::nullopt;
  for (auto* o = options.get(); o->keyword; ++o) {
    if (std::string(o->keyword) == "dbname" && o->val && *o->val) return std::string(o->val);
  }
  return std::nullopt;
}

std::optional<std::string> with_database(const std::string& uri, const std::string& database) {
  auto start = authority_start(uri);
  if (start == std::string::npos) return std::nullopt;
  auto path = uri.find_first_of("/?", start);
  std::string authority = uri.substr(start, path == std::string::npos ? path : path - start);
  std::string query;
  if (path != std::string::npos) {
    auto q = uri.find('?', path);
    if (q != std::string::npos) query = uri.substr(q);
  }
  return uri.substr(0, start) + authority + "/" + percent_encoded(database) + query;
}

std::string redacted(const std::string& uri) {
  auto start = authority_start(uri);
  if (start == std::string::npos) return uri;
  auto at = uri.find('@', start);
  auto end = uri.find_first_of("/?", start);
  if (at == std::string::npos || (end != std::string::npos && at > end)) return uri;
  auto colon = uri.find(':', start);
  if (colon == std::string::npos || colon > at) return uri;
  return uri.substr(0, colon + 1) + "***" + uri.substr(at);
}

}  // namespace newsdb::postgres
