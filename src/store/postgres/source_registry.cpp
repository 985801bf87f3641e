#include "store/postgres/source_registry.hpp"

#include <string>

namespace newsdb::postgres {
namespace {

// Column order shared by the SELECTs and read_source() (same as the SQLite registry).
const std::string kSelect =
    "SELECT id, url, title, every_seconds, created_at, etag, last_modified, last_fetch_at, "
    "last_status, last_new_items, error_count, last_error, next_due_at FROM sources ";

std::optional<Timestamp> optional_time(const PgResult& r, int row, int column) {
  auto v = r.opt_int64(row, column);
  if (!v) return std::nullopt;
  return Timestamp{std::chrono::seconds{*v}};
}

std::optional<std::int64_t> optional_seconds(const std::optional<Timestamp>& t) {
  if (!t) return std::nullopt;
  return t->time_since_epoch().count();
}

Source read_source(const PgResult& r, int row) {
  Source out;
  out.id = r.int64(row, 0);
  out.url = std::string(r.text(row, 1));
  out.title = r.opt_text(row, 2);
  out.every = std::chrono::seconds{r.int64(row, 3)};
  out.created_at = Timestamp{std::chrono::seconds{r.int64(row, 4)}};
  out.etag = r.opt_text(row, 5);
  out.last_modified = r.opt_text(row, 6);
  out.last_fetch_at = optional_time(r, row, 7);
  if (auto status = r.opt_int64(row, 8)) out.last_status = static_cast<int>(*status);
  out.last_new_items = r.int64(row, 9);
  out.error_count = r.int64(row, 10);
  out.last_error = r.opt_text(row, 11);
  out.next_due_at = optional_time(r, row, 12);
  return out;
}

}  // namespace

Result<std::optional<Source>> PgSourceRegistry::find(const std::string& url) {
  auto r = conn_.exec_prepared("sources_find", kSelect + "WHERE url = $1", Params().add(url));
  if (!r) return std::unexpected(r.error());
  if (r->rows() == 0) return std::optional<Source>();
  return std::optional<Source>(read_source(*r, 0));
}

Result<AddResult> PgSourceRegistry::add(const std::string& url, std::chrono::seconds every,
                                        Timestamp now) {
  // One statement, so concurrent adds of one URL cannot both insert: the insert is skipped on
  // conflict and the row read back decides the outcome.
  auto inserted = conn_.exec_prepared(
      "sources_add",
      "INSERT INTO sources (url, every_seconds, created_at) VALUES ($1, $2, $3) "
      "ON CONFLICT (url) DO NOTHING RETURNING id",
      Params().add(url).add(std::int64_t{every.count()}).add(
          std::int64_t{now.time_since_epoch().count()}));
  if (!inserted) return std::unexpected(inserted.error());
  bool added = inserted->rows() == 1;
  auto existing = find(url);
  if (!existing) return std::unexpected(existing.error());
  if (!*existing) return fail(ErrorKind::kNotFound, url + " was removed while being added");
  AddResult out{**existing, added ? AddOutcome::kAdded : AddOutcome::kUnchanged};
  if (!added && out.source.every != every) {
    auto r = conn_.exec_prepared("sources_set_every",
                                 "UPDATE sources SET every_seconds = $1 WHERE id = $2",
                                 Params().add(std::int64_t{every.count()}).add(out.source.id));
    if (!r) return std::unexpected(r.error());
    out.source.every = every;
    out.outcome = AddOutcome::kUpdated;
  }
  return out;
}

Result<bool> PgSourceRegistry::remove(const std::string& url) {
  auto r = conn_.exec_prepared("sources_remove", "DELETE FROM sources WHERE url = $1",
                               Params().add(url));
  if (!r) return std::unexpected(r.error());
  return r->affected() > 0;
}

Result<std::vector<Source>> PgSourceRegistry::list() {
  auto r = conn_.exec_prepared("sources_list", kSelect + "ORDER BY id", Params());
  if (!r) return std::unexpected(r.error());
  std::vector<Source> out;
  for (int row = 0; row < r->rows(); ++row) out.push_back(read_source(*r, row));
  return out;
}

Result<void> PgSourceRegistry::update(const Source& source) {
  auto owner = find(source.url);
  if (!owner) return std::unexpected(owner.error());
  if (*owner && (*owner)->id != source.id) {
    return fail(ErrorKind::kInvalidInput,
                source.url + " is already registered as another source");
  }
  std::optional<std::int64_t> status;
  if (source.last_status) status = *source.last_status;
  auto r = conn_.exec_prepared(
      "sources_update",
      "UPDATE sources SET url = $1, title = $2, every_seconds = $3, etag = $4, "
      "last_modified = $5, last_fetch_at = $6, last_status = $7, last_new_items = $8, "
      "error_count = $9, last_error = $10, next_due_at = $11 WHERE id = $12",
      Params()
          .add(source.url)
          .add(source.title)
          .add(std::int64_t{source.every.count()})
          .add(source.etag)
          .add(source.last_modified)
          .add(optional_seconds(source.last_fetch_at))
          .add(status)
          .add(source.last_new_items)
          .add(source.error_count)
          .add(source.last_error)
          .add(optional_seconds(source.next_due_at))
          .add(source.id));
  if (!r) return std::unexpected(r.error());
  if (r->affected() == 0) {
    return fail(ErrorKind::kNotFound, "source " + source.url + " is no longer registered");
  }
  return {};
}

}  // namespace newsdb::postgres
