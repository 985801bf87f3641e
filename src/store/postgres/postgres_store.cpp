#include "store/postgres/postgres_store.hpp"

namespace newsdb::postgres {

// STUB: implemented by the PostgreSQL work (issue 8).
Result<std::unique_ptr<Store>> open_postgres_store(const std::string&, OpenMode) {
  return fail(ErrorKind::kUnsupported, "the PostgreSQL backend is not implemented yet");
}

}  // namespace newsdb::postgres
