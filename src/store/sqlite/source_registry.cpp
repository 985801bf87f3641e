#include "store/sqlite/source_registry.hpp"

namespace newsdb::sqlite {

// STUB: implemented by the feeds work (issue 5).
Result<Source> SqliteSourceRegistry::add(const std::string&, std::chrono::seconds) {
  return fail(ErrorKind::kUnsupported, "sources are not implemented yet");
}
Result<bool> SqliteSourceRegistry::remove(const std::string&) {
  return fail(ErrorKind::kUnsupported, "sources are not implemented yet");
}
Result<std::vector<Source>> SqliteSourceRegistry::list() {
  return fail(ErrorKind::kUnsupported, "sources are not implemented yet");
}
Result<void> SqliteSourceRegistry::update(const Source&) {
  return fail(ErrorKind::kUnsupported, "sources are not implemented yet");
}

}  // namespace newsdb::sqlite
