// Digests that tell the store whether anything changed.
#pragma once

#include <newsdb/article.hpp>
#include <string>
#include <string_view>
#include <xxhash.h>

namespace newsdb::store {

// A digest of everything the store keeps of `article`: every field, the body, topics, images,
// related entries and unknown fields at every level. Equal digests mean the stored article needs no
// write. 32 lowercase hex digits (XXH3-128). Stable across runs and builds; a change of what it
// covers changes every digest once (every article then counts as updated). Thread-safe.
std::string article_content_hash(const Article& article);

// XXH3-128 of `bytes` as 32 lowercase hex digits: the import records' content hash.
std::string bytes_content_hash(std::string_view bytes);

// A digest as bytes_content_hash writes it, for callers hashing a stream with XXH3_128bits_*.
std::string hex_digest(const XXH128_hash_t& digest);

}  // namespace newsdb::store
