// Any bytes as an article file: parse_input must return (never crash, hang or run away with
// memory), and every diagnostic must carry the path and a message.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <newsdb/document.hpp>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto parsed = newsdb::parse_input(bytes, "fuzz.md", newsdb::InputFormat::kFrontmatter);
  for (const auto& d : parsed.diagnostics) {
    if (d.path != "fuzz.md" || d.message.empty()) std::abort();
  }
  for (const auto& a : parsed.articles) {
    if (a.canonical_url.empty() || a.title.empty()) std::abort();
  }
  return 0;
}
