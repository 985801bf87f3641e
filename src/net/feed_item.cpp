#include "net/feed_item.hpp"

#include <algorithm>
#include <cctype>
#include <newsdb/date.hpp>
#include <newsdb/url.hpp>
#include <set>

#include "net/feed_date.hpp"
#include "net/feed_text.hpp"
#include "net/html_text.hpp"
#include "net/url_parts.hpp"

namespace newsdb::net {
namespace {

constexpr std::size_t kMaxExcerptChars = 1000;
constexpr std::size_t kDerivedExcerptChars = 300;
constexpr std::size_t kDerivedTitleChars = 100;
constexpr std::size_t kMaxTopicChars = 200;
constexpr std::size_t kMaxTopics = 50;
constexpr std::size_t kMaxImages = 20;
constexpr auto kFutureSlack = std::chrono::hours(24);

std::string lower_ascii(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

HtmlText clean(const FeedText& text, TextLayout layout) {
  if (text.markup == Markup::kHtml) return html_to_text(text.raw, layout);
  HtmlText out;
  out.text = sanitize_utf8(layout == TextLayout::kOneLine ? collapse_whitespace(text.raw)
                                                           : std::string(text.raw));
  if (layout == TextLayout::kParagraphs) out.text = html_to_text(out.text, layout).text;
  return out;
}

void report(ParsedFeed& out, const FeedContext& ctx, int line, std::string field,
            std::string message, Severity severity) {
  Diagnostic d;
  d.path = ctx.url;
  d.line = line;
  d.field = std::move(field);
  d.message = std::move(message);
  d.severity = severity;
  out.diagnostics.push_back(std::move(d));
}

void warn(ParsedFeed& out, const FeedContext& ctx, int line, std::string field,
          std::string message) {
  report(out, ctx, line, std::move(field), std::move(message), Severity::kWarning);
}


// The first of the item's values over `limit` bytes, as its field name; nullopt when none is.
std::optional<std::string> field_over(const FeedItem& item, std::size_t limit) {
  std::pair<const char*, const std::string*> values[] = {
      {"title", &item.title.raw},       {"link", &item.link},        {"guid", &item.guid},
      {"excerpt", &item.summary.raw},   {"body", &item.content.raw}, {"author", &item.author},
      {"origLink", &item.original_link}};
  for (const auto& [name, value] : values) {
    if (value->size() > limit) return name;
  }
  for (const auto& date : item.dates) {
    if (date.size() > limit) return "date";
  }
  for (const auto& topic : item.topics) {
    if (topic.size() > limit) return "topics";
  }
  for (const auto& image : item.images) {
    if (image.url.size() > limit) return "images";
  }
  if (item.provider &&
      (item.provider->name.size() > limit || item.provider->domain.size() > limit)) {
    return "provider";
  }
  return std::nullopt;
}

// True (and the item failed with an error) when a limit stops it.
bool refused_by_limits(ParsedFeed& out, const FeedItem& item, const FeedContext& ctx) {
  std::size_t limit = ctx.limits.max_field_bytes;
  auto field = field_over(item, limit);
  if (!field && !item.cut_short) return false;
  std::string which = "the item";
  if (item.title.raw.size() <= limit) {
    auto title = clean(item.title, TextLayout::kOneLine).text;
    if (!title.empty()) which = "item \"" + cut_at_word(title, 60) + "\"";
  }
  if (which == "the item" && item.link.size() <= limit && !item.link.empty()) {
    which = "the item at " + cut_at_word(item.link, 100);
  }
  std::string message = field ? which + ": its " + *field + " is over the " + size_text(limit) +
                                    " per-value limit; skipped"
                              : which + ": " + *item.cut_short + "; skipped";
  report(out, ctx, item.line, field.value_or(""), std::move(message), Severity::kError);
  ++out.failed_records;
  return true;
}

std::string quoted_title(const std::string& title) {
  return title.empty() ? "an untitled item" : "item \"" + cut_at_word(title, 60) + "\"";
}

void set_date(Article& a, const FeedItem& item, ParsedFeed& out, const FeedContext& ctx) {
  // The first date that reads; none that would need a guess (an unknown zone name).
  std::string written;
  std::optional<Timestamp> date;
  for (const auto& text : item.dates) {
    auto tidy = collapse_whitespace(text);
    if (written.empty()) written = tidy;
    if ((date = parse_feed_date(tidy))) break;
  }
  if (!written.empty() && !date) {
    warn(out, ctx, item.line, "date",
         quoted_title(a.title) + ": unreadable date '" + cut_at_word(written, 60) +
             "'; using the fetch time");
  }
  if (!date) {
    a.published_date_time = ctx.fetched_at;
    a.extra[kDateSourceField] = "fetched";
  } else if (*date > ctx.fetched_at + kFutureSlack) {
    warn(out, ctx, item.line, "date",
         quoted_title(a.title) + ": date " + format_timestamp(*date) +
             " is more than a day in the future; clamped to the fetch time " +
             format_timestamp(ctx.fetched_at));
    a.published_date_time = ctx.fetched_at;
    a.extra[kDateSourceField] = "clamped";
  } else {
    a.published_date_time = *date;
  }
}

void set_topics(Article& a, const std::vector<std::string>& topics) {
  std::set<std::string> seen;
  for (const auto& raw : topics) {
    auto topic = cut_at_word(html_to_text(raw, TextLayout::kOneLine).text, kMaxTopicChars);
    if (topic.empty() || !seen.insert(lower_ascii(topic)).second) continue;
    a.topics.push_back(std::move(topic));
    if (a.topics.size() == kMaxTopics) break;
  }
}

void set_images(Article& a, std::vector<Image> images, const std::optional<std::string>& inline_img,
                const std::string& base) {
  if (images.empty() && inline_img) {
    if (auto url = resolve_url(base, *inline_img)) {
      Image image;
      image.url = *url;
      images.push_back(std::move(image));
    }
  }
  std::set<std::string> seen;
  for (auto& image : images) {
    if (image.url.empty() || !seen.insert(image.url).second) continue;
    a.images.push_back(std::move(image));
    if (a.images.size() == kMaxImages) break;
  }
}

std::optional<Provider> provider_for(const FeedItem& item, const FeedChannel& channel,
                                     const FeedContext& ctx) {
  Provider p;
  if (item.provider) {
    p = *item.provider;
  } else {
    p.name = channel.title;
    p.domain = url_domain(channel.site_url.empty() ? ctx.url : channel.site_url).value_or("");
  }
  p.name = cut_at_word(collapse_whitespace(sanitize_utf8(p.name)), 200);
  if (p.name.empty()) p.name = p.domain;
  if (p.name.empty()) return std::nullopt;
  return p;
}

}  // namespace

std::string clean_text(const FeedText& text, TextLayout layout) {
  return clean(text, layout).text;
}

bool looks_like_image(const std::string& type, const std::string& medium, const std::string& url) {
  if (!medium.empty()) return lower_ascii(medium) == "image";
  if (!type.empty()) return lower_ascii(type).starts_with("image/");
  auto path = lower_ascii(url.substr(0, url.find_first_of("?#")));
  for (const char* ext : {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"}) {
    if (path.ends_with(ext)) return true;
  }
  return false;
}

void add_feed_item(ParsedFeed& out, FeedItem item, const FeedChannel& channel,
                   const FeedContext& ctx) {
  if (refused_by_limits(out, item, ctx)) return;
  Article a;
  a.title = clean(item.title, TextLayout::kOneLine).text;
  auto summary = clean(item.summary, TextLayout::kOneLine);
  auto content = clean(item.content, TextLayout::kParagraphs);

  std::string link = item.link;
  if (link.empty() && !item.guid.empty()) link = resolve_url("", item.guid).value_or("");
  auto canonical = link.empty() ? std::nullopt : canonical_url(link);
  if (!canonical) {
    warn(out, ctx, item.line, "link", quoted_title(a.title) + " has no usable http(s) link; skipped");
    return;
  }

  if (!summary.text.empty()) {
    a.excerpt = cut_at_word(summary.text, kMaxExcerptChars);
  } else if (!content.text.empty()) {
    a.excerpt = cut_at_word(collapse_whitespace(content.text), kDerivedExcerptChars);
  }
  if (!content.text.empty()) a.body = content.text;
  if (a.title.empty() && a.excerpt) a.title = cut_at_word(*a.excerpt, kDerivedTitleChars);
  if (a.title.empty()) {
    warn(out, ctx, item.line, "title", "the item at " + link + " has no title and no text; skipped");
    return;
  }

  a.web_url = link;
  a.original_url = item.original_link.empty() ? link : item.original_link;
  if (!item.original_link.empty()) {
    if (auto original = canonical_url(item.original_link)) canonical = original;
  }
  a.canonical_url = *canonical;
  a.type = "article";
  a.provider = provider_for(item, channel, ctx);
  set_topics(a, item.topics);
  set_images(a, std::move(item.images),
             content.first_image ? content.first_image : summary.first_image, item.base);
  auto author = collapse_whitespace(sanitize_utf8(item.author));
  if (!author.empty()) a.extra["author"] = author;
  set_date(a, item, out, ctx);
  out.articles.push_back(std::move(a));
}

}  // namespace newsdb::net
