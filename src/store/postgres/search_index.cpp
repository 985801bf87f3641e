#include "store/postgres/search_index.hpp"

#include "store/postgres/copy_text.hpp"
#include "store/postgres/search_text.hpp"

namespace newsdb::postgres {
namespace {

constexpr int kSlice = 2000;

}  // namespace

Result<std::int64_t> rebuild_search_index(Connection& conn) {
  if (auto r = conn.exec("CREATE TEMP TABLE newsdb_reindex (id bigint, search_text text, "
                         "search_ascii boolean) ON COMMIT DROP");
      !r) {
    return std::unexpected(r.error());
  }
  if (auto r = conn.exec("DECLARE newsdb_reindex_rows NO SCROLL CURSOR FOR SELECT id, title, "
                         "excerpt, topics_text, body FROM articles");
      !r) {
    return std::unexpected(r.error());
  }
  std::int64_t done = 0;
  for (;;) {
    auto rows = conn.exec("FETCH " + std::to_string(kSlice) + " FROM newsdb_reindex_rows");
    if (!rows) return std::unexpected(rows.error());
    if (rows->rows() == 0) break;
    CopyText copy;
    for (int i = 0; i < rows->rows(); ++i) {
      SearchVector v = search_vector(rows->text(i, 1), rows->text(i, 2), rows->text(i, 3),
                                     rows->text(i, 4));
      copy.field(rows->int64(i, 0)).field(v.literal()).field(v.ascii).end_row();
    }
    if (auto r = conn.copy_in("COPY newsdb_reindex FROM STDIN", copy.data()); !r) {
      return std::unexpected(r.error());
    }
    done += rows->rows();
  }
  if (auto r = conn.exec("CLOSE newsdb_reindex_rows"); !r) return std::unexpected(r.error());
  auto updated = conn.exec(
      "UPDATE articles a SET search = (CASE WHEN r.search_ascii THEN r.search_text "
      "ELSE unaccent(r.search_text) END)::tsvector FROM newsdb_reindex r WHERE r.id = a.id");
  if (!updated) return std::unexpected(updated.error());
  return done;
}

}  // namespace newsdb::postgres
