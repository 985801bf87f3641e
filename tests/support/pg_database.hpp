// For tests of the PostgreSQL backend alone: an empty database of their own on the test server
// (NEWSDB_TEST_PG_URI), dropped afterwards.
//
//   auto db = test::PgDatabase::make();
//   if (!db) return;  // no server in this run: the test WARNs and checks nothing
//   auto conn = db->connect();
#pragma once

#include <optional>
#include <string>

#include "store/postgres/connection.hpp"

namespace newsdb::test {

class PgDatabase {
 public:
  // nullopt (after a Catch2 WARN) when the run has no PostgreSQL server. With `create`, the
  // database exists (empty); without it, only its name is reserved.
  static std::optional<PgDatabase> make(bool create = true);

  ~PgDatabase();
  PgDatabase(PgDatabase&& other) noexcept;
  PgDatabase& operator=(PgDatabase&&) = delete;
  PgDatabase(const PgDatabase&) = delete;
  PgDatabase& operator=(const PgDatabase&) = delete;

  const std::string& uri() const { return uri_; }    // postgresql://.../<name>
  const std::string& name() const { return name_; }
  const std::string& server() const { return server_; }  // NEWSDB_TEST_PG_URI
  // A raw connection to this database (throws when it cannot connect).
  postgres::Connection connect() const;

 private:
  PgDatabase(std::string server, std::string name, std::string uri)
      : server_(std::move(server)), name_(std::move(name)), uri_(std::move(uri)) {}
  std::string server_;
  std::string name_;
  std::string uri_;
};

}  // namespace newsdb::test
