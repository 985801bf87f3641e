// Any text as a URL: canonicalisation must be idempotent (the identity of an article must not
// change when its canonical URL is read back).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <newsdb/url.hpp>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto once = newsdb::canonical_url(text);
  if (!once) return 0;
  auto twice = newsdb::canonical_url(*once);
  if (!twice || *twice != *once) std::abort();
  return 0;
}
