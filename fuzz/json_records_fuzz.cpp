// Any bytes as a .json and as an .ndjson record file.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <newsdb/document.hpp>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (auto format : {newsdb::InputFormat::kJson, newsdb::InputFormat::kNdjson}) {
    auto parsed = newsdb::parse_input(bytes, "fuzz.json", format);
    for (const auto& d : parsed.diagnostics) {
      if (d.message.empty()) std::abort();
    }
    for (const auto& a : parsed.articles) {
      if (a.canonical_url.empty()) std::abort();
    }
  }
  return 0;
}
