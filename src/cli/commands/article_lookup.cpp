#include "cli/commands/article_lookup.hpp"

#include <charconv>
#include <newsdb/url.hpp>

namespace newsdb::cli {
namespace {

std::optional<std::int64_t> as_id(const std::string& text) {
  std::int64_t id = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || ptr != text.data() + text.size() || text.empty()) return std::nullopt;
  return id;
}

}  // namespace

Result<std::optional<StoredArticle>> lookup_article(ArticleReader& reader,
                                                    const std::string& id_or_url) {
  if (auto id = as_id(id_or_url)) return reader.get(*id);
  if (!canonical_url(id_or_url)) {
    return fail(ErrorKind::kInvalidInput,
                "'" + id_or_url +
                    "' is neither an article id nor a URL: pass the number `newsdb query` prints "
                    "in the ID column, or the article's http(s) URL");
  }
  return reader.get_by_url(id_or_url);
}

std::string not_found_message(const std::string& id_or_url) {
  bool is_id = as_id(id_or_url).has_value();
  return std::string("no article with ") + (is_id ? "id " : "URL ") + id_or_url +
         " in the store; find it with `newsdb search WORDS` or `newsdb query`";
}

}  // namespace newsdb::cli
