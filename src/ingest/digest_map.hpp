// A map from 64-bit digests to 64-bit digests in one flat array: 16 bytes a slot, whatever the
// keys stand for (a URL of any length), with at least half the slots in use after it first grows.
// For the dry run's "which URLs has this run met, in which version" (dry_run.hpp), where a
// std::unordered_map of strings cost ~200 bytes an entry. Not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace newsdb::ingest {

class DigestMap {
 public:
  DigestMap();

  // The value stored for `key`, inserted as 0 if the key is new (`inserted` says which).
  // The reference is valid until the next call.
  std::uint64_t& find_or_insert(std::uint64_t key, bool& inserted);
  std::size_t size() const { return size_; }
  // The bytes the map's array takes.
  std::size_t bytes() const { return slots_.capacity() * sizeof(Slot); }

 private:
  struct Slot {
    std::uint64_t key = 0;  // 0 = empty (a key of 0 is stored as 1)
    std::uint64_t value = 0;
  };
  void grow();

  std::vector<Slot> slots_;  // a power of two of them, linear probing
  std::size_t size_ = 0;
};

}  // namespace newsdb::ingest
