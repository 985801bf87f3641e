// Read-only store connections for the server's worker threads. A Store serves one thread at a time
// (newsdb/store.hpp), so each request leases one for its duration: an idle connection when there
// is one, else a new one (so at most as many connections as requests served at once, which the
// worker pool bounds). On SQLite every lease reads the newest committed state on the WAL while an
// import writes beside it.
//
// Thread-safe.
#pragma once

#include <memory>
#include <mutex>
#include <newsdb/store.hpp>
#include <string>
#include <vector>

namespace newsdb::serve {

class StorePool {
 public:
  explicit StorePool(std::string spec) : spec_(std::move(spec)) {}

  class Lease {
   public:
    Lease(StorePool& pool, std::unique_ptr<Store> store) : pool_(&pool), store_(std::move(store)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    ArticleReader& reader() { return store_->reader(); }

   private:
    StorePool* pool_;
    std::unique_ptr<Store> store_;
  };

  // Errors are open_store's (kNotFound when the database is gone).
  Result<Lease> lease();

 private:
  void give_back(std::unique_ptr<Store> store);

  std::string spec_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Store>> idle_;
};

}  // namespace newsdb::serve
