#include "store/content_hash.hpp"

#include <cstdint>
#include <cstring>

namespace newsdb::store {
namespace {

// Every value is written with a tag and, for variable-length data, its length, so that no two
// different articles serialise to the same bytes (moving a character from one field to the next
// changes the encoding).
class Encoder {
 public:
  Encoder() { out_.reserve(8192); }
  void tag(char t) { out_ += t; }
  void integer(std::int64_t v) {
    char buf[sizeof v];
    std::memcpy(buf, &v, sizeof v);
    out_.append(buf, sizeof v);
  }
  void text(std::string_view s) {
    integer(static_cast<std::int64_t>(s.size()));
    out_.append(s);
  }
  template <typename T>
  void optional(const std::optional<T>& v) {
    if (!v) return tag('-');
    tag('+');
    value(*v);
  }
  void value(const std::string& s) { text(s); }
  void value(std::int64_t v) { integer(v); }
  void value(bool v) { tag(v ? 't' : 'f'); }
  void value(Timestamp t) { integer(t.time_since_epoch().count()); }
  void json(const Json& j) {
    if (j.is_object() && j.empty()) return tag('0');
    tag('{');
    text(j.dump());
  }
  const std::string& bytes() const { return out_; }

 private:
  std::string out_;
};

void encode_provider(Encoder& e, const std::optional<Provider>& p) {
  if (!p) return e.tag('-');
  e.tag('P');
  e.text(p->name);
  e.text(p->domain);
  e.json(p->extra);
}

void encode_fields(Encoder& e, const ArticleFields& a) {
  e.text(a.title);
  e.optional(a.excerpt);
  e.optional(a.published_date_time);
  e.optional(a.original_url);
  e.optional(a.web_url);
  e.optional(a.amp_web_url);
  e.optional(a.cdn_amp_web_url);
  e.optional(a.category);
  e.optional(a.type);
  e.optional(a.quality);
  e.optional(a.heat);
  e.optional(a.published);
  encode_provider(e, a.provider);
  e.integer(static_cast<std::int64_t>(a.topics.size()));
  for (const auto& t : a.topics) e.text(t);
  e.integer(static_cast<std::int64_t>(a.images.size()));
  for (const auto& i : a.images) {
    e.text(i.url);
    e.optional(i.width);
    e.optional(i.height);
    e.optional(i.is_cached);
    e.json(i.extra);
  }
  e.optional(a.secured);
  e.json(a.extra);
}

}  // namespace

std::string hex_digest(const XXH128_hash_t& h) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(32, '0');
  std::uint64_t parts[2] = {h.high64, h.low64};
  for (int p = 0; p < 2; ++p) {
    for (int i = 0; i < 16; ++i) {
      out[static_cast<std::size_t>(p * 16 + i)] = kDigits[(parts[p] >> (60 - 4 * i)) & 0xF];
    }
  }
  return out;
}

std::string article_content_hash(const Article& article) {
  Encoder e;
  e.tag('A');
  e.text(article.canonical_url);
  encode_fields(e, article);
  e.optional(article.body);
  e.integer(static_cast<std::int64_t>(article.related.size()));
  for (const auto& r : article.related) encode_fields(e, r);
  const std::string& bytes = e.bytes();
  return hex_digest(XXH3_128bits(bytes.data(), bytes.size()));
}

std::string bytes_content_hash(std::string_view bytes) {
  return hex_digest(XXH3_128bits(bytes.data(), bytes.size()));
}

}  // namespace newsdb::store
