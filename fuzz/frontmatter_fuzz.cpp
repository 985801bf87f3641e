// Any bytes as an article file: parse_input must return (never crash, hang or run away with
// memory), every diagnostic must carry the path and a message, and what the article holds must not
// outgrow the input by more than the limits allow (fuzz/frontmatter_fuzz.dict builds alias bombs).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <newsdb/date.hpp>
#include <newsdb/document.hpp>
#include <newsdb/url.hpp>
#include <string_view>

#include "amplification.hpp"
#include "core/blank_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const newsdb::ParseLimits limits = newsdb::fuzz::fuzz_limits();
  auto parsed = newsdb::parse_input(bytes, "fuzz.md", newsdb::InputFormat::kFrontmatter, limits);
  for (const auto& d : parsed.diagnostics) {
    if (d.path != "fuzz.md" || d.message.empty()) std::abort();
  }
  for (const auto& a : parsed.articles) {
    if (a.canonical_url.empty() || newsdb::is_blank_text(a.title)) std::abort();
    // What is stored reads back the same: the identity and the instant are fixed points.
    if (newsdb::canonical_url(a.canonical_url) != a.canonical_url) std::abort();
    if (a.published_date_time && newsdb::parse_date(newsdb::format_timestamp(
                                     *a.published_date_time)) != a.published_date_time) {
      std::abort();
    }
  }
  newsdb::fuzz::check_amplification(parsed, size, limits);
  return 0;
}
