#include "store/sqlite/source_registry.hpp"

#include <string_view>

namespace newsdb::sqlite {
namespace {

// Column order shared by the SELECTs and read_source().
constexpr std::string_view kColumns =
    "id, url, title, every_seconds, created_at, etag, last_modified, last_fetch_at, last_status, "
    "last_new_items, error_count, last_error, next_due_at";

std::optional<Timestamp> optional_time(const Statement& s, int column) {
  auto v = s.column_optional_int(column);
  if (!v) return std::nullopt;
  return Timestamp{std::chrono::seconds{*v}};
}

std::optional<std::int64_t> optional_seconds(const std::optional<Timestamp>& t) {
  if (!t) return std::nullopt;
  return t->time_since_epoch().count();
}

Source read_source(const Statement& s) {
  Source out;
  out.id = s.column_int(0);
  out.url = s.column_text(1);
  out.title = s.column_optional_text(2);
  out.every = std::chrono::seconds{s.column_int(3)};
  out.created_at = Timestamp{std::chrono::seconds{s.column_int(4)}};
  out.etag = s.column_optional_text(5);
  out.last_modified = s.column_optional_text(6);
  out.last_fetch_at = optional_time(s, 7);
  if (auto status = s.column_optional_int(8)) out.last_status = static_cast<int>(*status);
  out.last_new_items = s.column_int(9);
  out.error_count = s.column_int(10);
  out.last_error = s.column_optional_text(11);
  out.next_due_at = optional_time(s, 12);
  return out;
}

}  // namespace

Result<Statement*> SqliteSourceRegistry::statement(std::optional<Statement>& slot,
                                                   std::string_view sql) {
  if (!slot) {
    auto prepared = db_.prepare(sql);
    if (!prepared) return std::unexpected(prepared.error());
    slot.emplace(std::move(*prepared));
  }
  slot->reset();
  return &*slot;
}

Result<std::optional<Source>> SqliteSourceRegistry::find(const std::string& url) {
  auto s = statement(select_one_, std::string("SELECT ") + std::string(kColumns) +
                                      " FROM sources WHERE url = ?1");
  if (!s) return std::unexpected(s.error());
  (*s)->bind(1, url);
  auto row = (*s)->step();
  if (!row) return std::unexpected(row.error());
  std::optional<Source> out;
  if (*row) out = read_source(**s);
  (*s)->reset();
  return out;
}

Result<AddResult> SqliteSourceRegistry::add(const std::string& url, std::chrono::seconds every,
                                            Timestamp now) {
  auto tx = Transaction::begin(db_);
  if (!tx) return std::unexpected(tx.error());
  auto existing = find(url);
  if (!existing) return std::unexpected(existing.error());

  AddResult out;
  if (*existing) {
    out.source = **existing;
    out.outcome = out.source.every == every ? AddOutcome::kUnchanged : AddOutcome::kUpdated;
    if (out.outcome == AddOutcome::kUpdated) {
      auto s = statement(set_every_, "UPDATE sources SET every_seconds = ?1 WHERE id = ?2");
      if (!s) return std::unexpected(s.error());
      if (auto r = (*s)->bind(1, std::int64_t{every.count()}).bind(2, out.source.id).run(); !r) {
        return std::unexpected(r.error());
      }
      out.source.every = every;
    }
  } else {
    auto s = statement(insert_,
                       "INSERT INTO sources (url, every_seconds, created_at) VALUES (?1, ?2, ?3)");
    if (!s) return std::unexpected(s.error());
    auto r = (*s)->bind(1, url)
                 .bind(2, std::int64_t{every.count()})
                 .bind(3, std::int64_t{now.time_since_epoch().count()})
                 .run();
    if (!r) return std::unexpected(r.error());
    out.source.id = db_.last_insert_rowid();
    out.source.url = url;
    out.source.every = every;
    out.source.created_at = now;
    out.outcome = AddOutcome::kAdded;
  }
  if (auto r = tx->commit(); !r) return std::unexpected(r.error());
  return out;
}

Result<bool> SqliteSourceRegistry::remove(const std::string& url) {
  auto s = statement(delete_, "DELETE FROM sources WHERE url = ?1");
  if (!s) return std::unexpected(s.error());
  if (auto r = (*s)->bind(1, url).run(); !r) return std::unexpected(r.error());
  return db_.changes() > 0;
}

Result<std::vector<Source>> SqliteSourceRegistry::list() {
  auto s = statement(select_all_,
                     std::string("SELECT ") + std::string(kColumns) + " FROM sources ORDER BY id");
  if (!s) return std::unexpected(s.error());
  std::vector<Source> out;
  for (;;) {
    auto row = (*s)->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    out.push_back(read_source(**s));
  }
  (*s)->reset();
  return out;
}

Result<void> SqliteSourceRegistry::update(const Source& source) {
  auto owner = find(source.url);
  if (!owner) return std::unexpected(owner.error());
  if (*owner && (*owner)->id != source.id) {
    return fail(ErrorKind::kInvalidInput,
                source.url + " is already registered as another source");
  }
  auto s = statement(update_,
                     "UPDATE sources SET url = ?1, title = ?2, every_seconds = ?3, etag = ?4, "
                     "last_modified = ?5, last_fetch_at = ?6, last_status = ?7, "
                     "last_new_items = ?8, error_count = ?9, last_error = ?10, next_due_at = ?11 "
                     "WHERE id = ?12");
  if (!s) return std::unexpected(s.error());
  std::optional<std::int64_t> status;
  if (source.last_status) status = *source.last_status;
  auto r = (*s)->bind(1, source.url)
               .bind(2, source.title)
               .bind(3, std::int64_t{source.every.count()})
               .bind(4, source.etag)
               .bind(5, source.last_modified)
               .bind(6, optional_seconds(source.last_fetch_at))
               .bind(7, status)
               .bind(8, source.last_new_items)
               .bind(9, source.error_count)
               .bind(10, source.last_error)
               .bind(11, optional_seconds(source.next_due_at))
               .bind(12, source.id)
               .run();
  if (!r) return std::unexpected(r.error());
  if (db_.changes() == 0) {
    return fail(ErrorKind::kNotFound, "source " + source.url + " is no longer registered");
  }
  return {};
}

}  // namespace newsdb::sqlite
