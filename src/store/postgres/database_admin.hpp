// Creating and dropping whole databases on a server (CREATE/DROP DATABASE cannot run inside a
// transaction nor take parameters, so they live apart from the store's own statements).
#pragma once

#include <newsdb/error.hpp>
#include <string>

namespace newsdb::postgres {

// Connects to `uri`'s server (through its `postgres` maintenance database) and creates database
// `name`. Another creator winning a race is not a failure: the database exists either way.
Result<void> create_database(const std::string& uri, const std::string& name);

// Drops database `name` on `uri`'s server, disconnecting its sessions; nothing when it is absent.
Result<void> drop_database(const std::string& uri, const std::string& name);

}  // namespace newsdb::postgres
