#include "support/backends.hpp"

#include <cstdlib>
#include <stdexcept>

namespace newsdb::test {

std::vector<std::string> backends() {
  std::vector<std::string> out{"sqlite"};
  if (const char* uri = std::getenv("NEWSDB_TEST_PG_URI"); uri && *uri) out.push_back("postgresql");
  return out;
}

FreshStore::FreshStore(const std::string& backend) {
  if (backend == "sqlite") {
    spec_ = (dir_.path() / "newsdb.sqlite").string();
  } else {
    // The PostgreSQL work (issue 8) makes a fresh database (or schema) per test here.
    throw std::runtime_error("backend not available in tests yet: " + backend);
  }
  auto opened = open_store(spec_, OpenMode::kReadWrite);
  if (!opened) throw std::runtime_error("opening " + spec_ + ": " + opened.error().message);
  store_ = std::move(*opened);
}

FreshStore::~FreshStore() = default;

std::unique_ptr<Store> FreshStore::open_another() const {
  auto opened = open_store(spec_, OpenMode::kReadWrite);
  if (!opened) throw std::runtime_error("opening " + spec_ + ": " + opened.error().message);
  return std::move(*opened);
}

}  // namespace newsdb::test
