#include "store/sqlite/related_doc.hpp"

#include <newsdb/date.hpp>

namespace newsdb::sqlite {
namespace {

class JsonOut {
 public:
  explicit JsonOut(std::string& out) : out_(out) {}

  void open() {
    out_ += '{';
    first_ = true;
  }
  void close() {
    out_ += '}';
    first_ = false;
  }
  void key(std::string_view k) {
    if (!first_) out_ += ',';
    first_ = false;
    string(k);
    out_ += ':';
  }
  void string(std::string_view s) {
    out_ += '"';
    std::size_t plain = 0;  // start of the run of characters that need no escape
    for (std::size_t i = 0; i < s.size(); ++i) {
      auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(s, plain, i - plain);
      plain = i + 1;
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          out_ += "\\u00";
          out_ += kHex[c >> 4];
          out_ += kHex[c & 0xF];
        }
      }
    }
    out_.append(s, plain, s.size() - plain);
    out_ += '"';
  }
  void text_field(std::string_view k, std::string_view v) {
    key(k);
    string(v);
  }
  void field(std::string_view k, const std::optional<std::string>& v) {
    if (v) text_field(k, *v);
  }
  void field(std::string_view k, const std::optional<std::int64_t>& v) {
    if (!v) return;
    key(k);
    out_ += std::to_string(*v);
  }
  void field(std::string_view k, const std::optional<bool>& v) {
    if (!v) return;
    key(k);
    out_ += *v ? "true" : "false";
  }
  // Unknown fields, each as its own key, in their order.
  void extra(const Json& extra) {
    if (!extra.is_object()) return;
    for (const auto& [k, v] : extra.items()) {
      key(k);
      out_ += v.dump();
    }
  }
  void raw(char c) {
    out_ += c;
    first_ = c == '[' || c == '{';
  }
  void separator(bool& first) {
    if (!first) out_ += ',';
    first = false;
  }

 private:
  std::string& out_;
  bool first_ = true;
};

void write_provider(JsonOut& j, const Provider& p) {
  j.key("provider");
  j.open();
  if (!p.name.empty()) j.text_field("name", p.name);
  if (!p.domain.empty()) j.text_field("domain", p.domain);
  j.extra(p.extra);
  j.close();
}

void write_images(JsonOut& j, const std::vector<Image>& images) {
  j.key("images");
  j.raw('[');
  bool first = true;
  for (const auto& image : images) {
    j.separator(first);
    j.open();
    j.text_field("url", image.url);
    j.field("width", image.width);
    j.field("height", image.height);
    j.field("isCached", image.is_cached);
    j.extra(image.extra);
    j.close();
  }
  j.raw(']');
}

}  // namespace

void write_related_doc(const RelatedArticle& r, std::string& out) {
  out.clear();
  JsonOut j(out);
  j.open();
  j.text_field("title", r.title);
  j.field("excerpt", r.excerpt);
  if (r.published_date_time) j.text_field("publishedDateTime", format_timestamp(*r.published_date_time));
  j.field("originalUrl", r.original_url);
  j.field("webUrl", r.web_url);
  j.field("ampWebUrl", r.amp_web_url);
  j.field("cdnAmpWebUrl", r.cdn_amp_web_url);
  j.field("category", r.category);
  j.field("type", r.type);
  j.field("quality", r.quality);
  j.field("heat", r.heat);
  j.field("published", r.published);
  if (r.provider) write_provider(j, *r.provider);
  if (!r.topics.empty()) {
    j.key("topics");
    j.raw('[');
    bool first = true;
    for (const auto& t : r.topics) {
      j.separator(first);
      j.string(t);
    }
    j.raw(']');
  }
  if (!r.images.empty()) write_images(j, r.images);
  j.field("secured", r.secured);
  j.extra(r.extra);
  j.close();
}

}  // namespace newsdb::sqlite
