#include "store/postgres/database_admin.hpp"

#include "store/postgres/connection.hpp"
#include "store/postgres/database_uri.hpp"

namespace newsdb::postgres {
namespace {

constexpr const char* kDuplicateDatabase = "42P04";
// Two CREATE DATABASE racing: the loser may trip over the catalog's unique index instead.
constexpr const char* kUniqueViolation = "23505";

Result<Connection> open_maintenance(const std::string& uri) {
  auto admin_uri = with_database(uri, "postgres");
  if (!admin_uri) {
    return fail(ErrorKind::kInvalidInput, "not a postgresql:// URI: " + redacted(uri));
  }
  return Connection::open(*admin_uri);
}

// Identifiers cannot be bound as parameters: the server quotes the name itself (format's %I),
// so no value is ever pasted into SQL text here.
Result<void> run_with_name(Connection& admin, const char* format, const std::string& name) {
  auto statement = admin.exec("SELECT format($1::text, $2::text)", Params().add(format).add(name));
  if (!statement) return std::unexpected(statement.error());
  auto done = admin.exec(std::string(statement->text(0, 0)));
  if (!done) return std::unexpected(done.error());
  return {};
}

}  // namespace

Result<void> create_database(const std::string& uri, const std::string& name) {
  auto admin = open_maintenance(uri);
  if (!admin) return std::unexpected(admin.error());
  auto created = run_with_name(*admin, "CREATE DATABASE %I", name);
  if (!created && admin->last_sqlstate() != kDuplicateDatabase &&
      admin->last_sqlstate() != kUniqueViolation) {
    return fail(ErrorKind::kStore, "cannot create PostgreSQL database \"" + name +
                                       "\": " + created.error().message);
  }
  return {};
}

Result<void> drop_database(const std::string& uri, const std::string& name) {
  auto admin = open_maintenance(uri);
  if (!admin) return std::unexpected(admin.error());
  return run_with_name(*admin, "DROP DATABASE IF EXISTS %I WITH (FORCE)", name);
}

}  // namespace newsdb::postgres
