#include "store/postgres/source_registry.hpp"

namespace newsdb::postgres {

// Follows the SQLite registry as it lands on main.
Result<Source> PgSourceRegistry::add(const std::string&, std::chrono::seconds) {
  return fail(ErrorKind::kUnsupported, "sources are not implemented yet");
}
Result<bool> PgSourceRegistry::remove(const std::string&) {
  return fail(ErrorKind::kUnsupported, "sources are not implemented yet");
}
Result<std::vector<Source>> PgSourceRegistry::list() {
  return fail(ErrorKind::kUnsupported, "sources are not implemented yet");
}
Result<void> PgSourceRegistry::update(const Source&) {
  return fail(ErrorKind::kUnsupported, "sources are not implemented yet");
}

}  // namespace newsdb::postgres
