#include "serve/store_pool.hpp"

namespace newsdb::serve {

StorePool::Lease::~Lease() {
  if (store_) pool_->give_back(std::move(store_));
}

Result<StorePool::Lease> StorePool::lease() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(store));
    }
  }
  auto store = open_store(spec_, OpenMode::kReadOnly);
  if (!store) return std::unexpected(store.error());
  return Lease(*this, std::move(*store));
}

void StorePool::give_back(std::unique_ptr<Store> store) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(store));
}

}  // namespace newsdb::serve
