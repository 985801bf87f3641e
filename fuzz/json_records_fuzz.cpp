// Any bytes as a .json and as an .ndjson record file: no crash, every diagnostic with a message,
// and no article that outgrows its input (fuzz/json_records_fuzz.dict builds deep nesting).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <newsdb/document.hpp>
#include <string_view>

#include "amplification.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (auto format : {newsdb::InputFormat::kJson, newsdb::InputFormat::kNdjson}) {
    const newsdb::ParseLimits limits = newsdb::fuzz::fuzz_limits();
    auto parsed = newsdb::parse_input(bytes, "fuzz.json", format, limits);
    for (const auto& d : parsed.diagnostics) {
      if (d.message.empty()) std::abort();
    }
    for (const auto& a : parsed.articles) {
      if (a.canonical_url.empty()) std::abort();
    }
    newsdb::fuzz::check_amplification(parsed, size, limits);
  }
  return 0;
}
