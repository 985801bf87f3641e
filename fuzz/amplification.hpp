// The amplification check the parsing fuzzers share: what a parsed input holds may be larger than
// the input only by what the limits allow (aliases expand to at most max_document_bytes of text),
// never by a factor that grows with the input.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <newsdb/article_json.hpp>
#include <newsdb/document.hpp>

namespace newsdb::fuzz {

// Small limits, so that a blow-up past them shows within inputs of libFuzzer's -max_len.
inline ParseLimits fuzz_limits() {
  ParseLimits limits;
  limits.max_document_bytes = 256u << 10;
  limits.max_field_bytes = 64u << 10;
  return limits;
}

inline std::size_t text_bytes(const Json& value) {
  std::size_t n = 0;
  if (value.is_string()) return value.get_ref<const std::string&>().size();
  if (value.is_object()) {
    for (const auto& [key, child] : value.items()) n += key.size() + text_bytes(child);
  } else if (value.is_array()) {
    for (const auto& child : value) n += text_bytes(child);
  }
  return n;
}

// Aborts when the articles' text is more than a small multiple of input + document limit: written
// dates grow to 20 bytes, and each JSON key is written again per value, hence the factor.
inline void check_amplification(const ParsedInput& parsed, std::size_t input_bytes,
                                const ParseLimits& limits) {
  std::size_t total = 0;
  for (const Article& a : parsed.articles) total += text_bytes(to_json(a));
  if (total > 4 * (input_bytes + limits.max_document_bytes)) std::abort();
}

}  // namespace newsdb::fuzz
