// Any bytes as a fetched feed: RSS/Atom (libxml2), JSON Feed, article JSON/NDJSON/frontmatter.
// Checks the contract of parse_feed: every article has an identity and a title, all text is
// valid UTF-8, dates are never past the clamp.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <newsdb/feed.hpp>
#include <string_view>

#include "net/feed_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  newsdb::FeedContext ctx;
  ctx.url = "https://fuzz.example.com/feed";
  ctx.fetched_at = newsdb::Timestamp{std::chrono::seconds{1'700'000'000}};
  for (auto type : {"application/xml", "text/xml; charset=iso-8859-1"}) {
    ctx.content_type = type;
    auto feed = newsdb::parse_feed(bytes, ctx);
    if (!feed) {
      if (feed.error().message.empty()) std::abort();
      continue;
    }
    bool article_format = feed->format == newsdb::FeedFormat::kArticleJson ||
                          feed->format == newsdb::FeedFormat::kArticleNdjson ||
                          feed->format == newsdb::FeedFormat::kArticleDocument;
    for (const auto& a : feed->articles) {
      if (a.canonical_url.empty() || a.title.empty()) std::abort();
      if (!newsdb::net::is_valid_utf8(a.title)) std::abort();
      if (a.excerpt && !newsdb::net::is_valid_utf8(*a.excerpt)) std::abort();
      if (!article_format &&
          (!a.published_date_time ||
           *a.published_date_time > ctx.fetched_at + std::chrono::hours(24))) {
        std::abort();
      }
    }
  }
  return 0;
}
