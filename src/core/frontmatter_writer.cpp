#include "core/frontmatter_writer.hpp"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <cmath>
#include <newsdb/date.hpp>

namespace newsdb {
namespace {

// A YAML reader folds U+2028, U+2029 and U+0085 inside a double-quoted scalar into a space; such
// strings are written with every non-ASCII character escaped instead.
bool has_unicode_break(const std::string& s) {
  return s.find("\xE2\x80\xA8") != std::string::npos || s.find("\xE2\x80\xA9") != std::string::npos ||
         s.find("\xC2\x85") != std::string::npos;
}

void put_string(YAML::Emitter& out, const std::string& s) {
  if (has_unicode_break(s)) out << YAML::EscapeNonAscii;
  out << YAML::DoubleQuoted << s;
}

void put_key(YAML::Emitter& out, const char* key) { out << YAML::Key << key << YAML::Value; }

void put(YAML::Emitter& out, const char* key, const std::optional<std::string>& value) {
  if (!value) return;
  put_key(out, key);
  put_string(out, *value);
}

void put(YAML::Emitter& out, const char* key, const std::optional<std::int64_t>& value) {
  if (!value) return;
  put_key(out, key);
  out << *value;
}

void put(YAML::Emitter& out, const char* key, const std::optional<bool>& value) {
  if (!value) return;
  put_key(out, key);
  out << YAML::TrueFalseBool << YAML::LowerCase << *value;
}

// Shortest text that reads back as the same double.
std::string number_text(double value) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  std::string text(buf, end);
  if (text.find_first_of(".eE") == std::string::npos && text.find_first_of("ni") == std::string::npos) {
    text += ".0";  // stays a float, not an integer
  }
  return text;
}

void put_json(YAML::Emitter& out, const Json& value) {
  switch (value.type()) {
    case Json::value_t::null: out << YAML::Null; break;
    case Json::value_t::boolean: out << YAML::TrueFalseBool << YAML::LowerCase << value.get<bool>(); break;
    case Json::value_t::number_integer: out << value.get<std::int64_t>(); break;
    case Json::value_t::number_unsigned: out << value.get<std::uint64_t>(); break;
    case Json::value_t::number_float: {
      double d = value.get<double>();
      if (std::isnan(d)) {
        out << ".nan";
      } else if (std::isinf(d)) {
        out << (d > 0 ? ".inf" : "-.inf");
      } else {
        out << number_text(d);
      }
      break;
    }
    case Json::value_t::string: put_string(out, value.get_ref<const std::string&>()); break;
    case Json::value_t::array:
      out << YAML::BeginSeq;
      for (const auto& item : value) put_json(out, item);
      out << YAML::EndSeq;
      break;
    case Json::value_t::object:
      out << YAML::BeginMap;
      for (const auto& [key, item] : value.items()) {
        out << YAML::Key;
        put_string(out, key);
        out << YAML::Value;
        put_json(out, item);
      }
      out << YAML::EndMap;
      break;
    default: out << YAML::Null; break;  // binary and discarded values never come from a parser
  }
}

void put_extra(YAML::Emitter& out, const Json& extra) {
  if (!extra.is_object()) return;
  for (const auto& [key, item] : extra.items()) {
    out << YAML::Key;
    put_string(out, key);
    out << YAML::Value;
    put_json(out, item);
  }
}

void put_provider(YAML::Emitter& out, const std::optional<Provider>& provider) {
  if (!provider) return;
  put_key(out, "provider");
  out << YAML::BeginMap;
  put_key(out, "name");
  put_string(out, provider->name);
  put_key(out, "domain");
  put_string(out, provider->domain);
  put_extra(out, provider->extra);
  out << YAML::EndMap;
}

void put_images(YAML::Emitter& out, const std::vector<Image>& images) {
  if (images.empty()) return;
  put_key(out, "images");
  out << YAML::BeginSeq;
  for (const auto& image : images) {
    out << YAML::BeginMap;
    put_key(out, "url");
    put_string(out, image.url);
    put(out, "width", image.width);
    put(out, "height", image.height);
    put(out, "isCached", image.is_cached);
    put_extra(out, image.extra);
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
}

// The fields an article and a related entry share, up to (not including) topics.
void put_head(YAML::Emitter& out, const ArticleFields& a) {
  put(out, "category", a.category);
  put_key(out, "title");
  put_string(out, a.title);
  put(out, "excerpt", a.excerpt);
  if (a.published_date_time) {
    put_key(out, "publishedDateTime");
    out << format_timestamp(*a.published_date_time);
  }
  put(out, "originalUrl", a.original_url);
  put(out, "webUrl", a.web_url);
  put(out, "ampWebUrl", a.amp_web_url);
  put(out, "cdnAmpWebUrl", a.cdn_amp_web_url);
  put(out, "type", a.type);
  put(out, "quality", a.quality);
  put(out, "heat", a.heat);
  put(out, "published", a.published);
  put_provider(out, a.provider);
}

void put_topics(YAML::Emitter& out, const std::vector<std::string>& topics) {
  if (topics.empty()) return;
  put_key(out, "topics");
  out << YAML::BeginSeq;
  for (const auto& t : topics) put_string(out, t);
  out << YAML::EndSeq;
}

void put_related(YAML::Emitter& out, const std::vector<RelatedArticle>& related) {
  if (related.empty()) return;
  put_key(out, "related");
  out << YAML::BeginSeq;
  for (const auto& r : related) {
    out << YAML::BeginMap;
    put_head(out, r);
    put_topics(out, r.topics);
    put_images(out, r.images);
    put(out, "secured", r.secured);
    put_extra(out, r.extra);
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
}

}  // namespace

std::string to_frontmatter(const Article& article) {
  YAML::Emitter out;
  out.SetIndent(2);
  out << YAML::BeginMap;
  put_head(out, article);
  put_topics(out, article.topics);
  put_images(out, article.images);
  put_related(out, article.related);
  put(out, "secured", article.secured);
  put_extra(out, article.extra);
  out << YAML::EndMap;

  std::string doc = "---\n";
  doc += out.c_str();
  doc += "\n---\n";
  if (article.body) doc += *article.body;
  return doc;
}

}  // namespace newsdb
