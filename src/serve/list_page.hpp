// The list page (/ and /search): a page of articles with the facet counts of the same filters
// beside it. Everything the page needs comes in ListView; rendering reads nothing else.
#pragma once

#include <cstdint>
#include <newsdb/article_reader.hpp>
#include <string>
#include <vector>

#include "serve/request_params.hpp"

namespace newsdb::serve {

struct ListView {
  Params state;             // the query string as sent: what every link starts from
  std::string search_text;  // q, when this is a search
  std::vector<StoredArticle> articles;
  std::int64_t total = 0;  // matches, paging aside
  std::int64_t offset = 0;
  std::int64_t limit = 20;
  std::vector<FacetCount> topics;
  std::vector<FacetCount> providers;
  std::vector<FacetCount> categories;
  std::vector<MonthCount> months;     // the date histogram
  std::vector<std::string> warnings;  // names that match nothing (cli/name_check.hpp)
};

std::string render_list_page(const ListView& view);

}  // namespace newsdb::serve
