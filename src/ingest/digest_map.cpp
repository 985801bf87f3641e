#include "ingest/digest_map.hpp"

namespace newsdb::ingest {
namespace {

constexpr std::size_t kFirstCapacity = 1024;

// Keys are digests already (uniformly spread), so their low bits pick the slot directly.
std::size_t home(std::uint64_t key, std::size_t mask) { return static_cast<std::size_t>(key) & mask; }

}  // namespace

DigestMap::DigestMap() : slots_(kFirstCapacity) {}

std::uint64_t& DigestMap::find_or_insert(std::uint64_t key, bool& inserted) {
  if (key == 0) key = 1;
  // Grown before it is 3/4 full: probe runs stay short and the loop below always ends.
  if ((size_ + 1) * 4 > slots_.size() * 3) grow();
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = home(key, mask);; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.key == key) {
      inserted = false;
      return slot.value;
    }
    if (slot.key == 0) {
      slot.key = key;
      ++size_;
      inserted = true;
      return slot.value;
    }
  }
}

void DigestMap::grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.key == 0) continue;
    std::size_t i = home(s.key, mask);
    while (slots_[i].key != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

}  // namespace newsdb::ingest
