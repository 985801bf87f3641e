#include "store/postgres/article_encoding.hpp"

#include <xxhash.h>

#include <cstdio>
#include <newsdb/article_json.hpp>

namespace newsdb::postgres {

std::string fold_key(std::string_view name) {
  std::string out(name);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string topics_text(const ArticleFields& article) {
  std::string out;
  for (const auto& topic : article.topics) {
    if (!out.empty()) out += '\n';
    out += topic;
  }
  return out;
}

std::optional<std::string> extra_text(const Json& extra) {
  if (!extra.is_object() || extra.empty()) return std::nullopt;
  return extra.dump();
}

std::string related_doc(const RelatedArticle& related) { return to_json(related).dump(); }

std::string content_hash(const Article& article) {
  // to_json writes every field in a fixed order and the unknown ones in input order, so equal
  // articles give equal text.
  std::string text = to_json(article).dump();
  XXH128_hash_t h = XXH3_128bits(text.data(), text.size());
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return hex;
}

}  // namespace newsdb::postgres
