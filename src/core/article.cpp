#include <newsdb/article.hpp>

namespace newsdb {

const std::string& ArticleFields::primary_url() const {
  static const std::string kEmpty;
  if (original_url && !original_url->empty()) return *original_url;
  if (web_url && !web_url->empty()) return *web_url;
  return kEmpty;
}

}  // namespace newsdb
