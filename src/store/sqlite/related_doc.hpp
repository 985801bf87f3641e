// A related entry as the JSON kept in related.doc.
// TEMPORARY: replaced by <newsdb/article_json.hpp>'s to_json once the parser work lands on main.
#pragma once

#include <newsdb/article.hpp>
#include <string>

namespace newsdb::sqlite {

std::string related_doc(const RelatedArticle& related);

}  // namespace newsdb::sqlite
