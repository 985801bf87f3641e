// Reading and rewriting the database part of a PostgreSQL connection URI.
#pragma once

#include <optional>
#include <string>

namespace newsdb::postgres {

// The database a postgresql:// URI or key=value conninfo string names (percent-decoding applied);
// nullopt when it names none or does not parse.
std::optional<std::string> uri_database(const std::string& uri);

// `uri` (postgresql:// or postgres://) naming database `database` instead; user, host, port and
// query parameters are kept. nullopt for anything that is not such a URI. `database` is
// percent-encoded where it must be.
std::optional<std::string> with_database(const std::string& uri, const std::string& database);

// `uri` with any password replaced by "***", for messages.
std::string redacted(const std::string& uri);

}  // namespace newsdb::postgres
