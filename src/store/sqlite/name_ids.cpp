#include "store/sqlite/name_ids.hpp"

#include "store/name_key.hpp"

namespace newsdb::sqlite {

Result<NameIds> NameIds::prepare(Database& db) {
  auto find_provider = db.prepare("SELECT id FROM providers WHERE name = ?1 AND domain = ?2");
  if (!find_provider) return std::unexpected(find_provider.error());
  auto insert_provider = db.prepare(
      "INSERT INTO providers (name, domain, name_key, domain_key) VALUES (?1, ?2, ?3, ?4)");
  if (!insert_provider) return std::unexpected(insert_provider.error());
  auto find_topic = db.prepare("SELECT id FROM topics WHERE name_key = ?1");
  if (!find_topic) return std::unexpected(find_topic.error());
  auto insert_topic = db.prepare("INSERT INTO topics (name, name_key) VALUES (?1, ?2)");
  if (!insert_topic) return std::unexpected(insert_topic.error());
  return NameIds(db, std::move(*find_provider), std::move(*insert_provider), std::move(*find_topic),
                 std::move(*insert_topic));
}

NameIds::NameIds(Database& db, Statement find_provider, Statement insert_provider,
                 Statement find_topic, Statement insert_topic)
    : db_(&db),
      find_provider_(std::move(find_provider)),
      insert_provider_(std::move(insert_provider)),
      find_topic_(std::move(find_topic)),
      insert_topic_(std::move(insert_topic)) {}

namespace {

// Runs `find` (bound by the caller); when it yields no row, runs `insert` and returns the new id.
Result<std::int64_t> find_or_insert(Statement& find, Statement& insert, Database& db) {
  auto row = find.step();
  if (!row) return std::unexpected(row.error());
  if (*row) {
    std::int64_t id = find.column_int(0);
    find.reset();
    return id;
  }
  find.reset();
  if (auto r = insert.run(); !r) return std::unexpected(r.error());
  return db.last_insert_rowid();
}

}  // namespace

Result<std::int64_t> NameIds::provider(const Provider& provider) {
  std::string cache_key = provider.name;
  cache_key += '\0';
  cache_key += provider.domain;
  if (auto it = providers_.find(cache_key); it != providers_.end()) return it->second;

  find_provider_.bind(1, provider.name).bind(2, provider.domain);
  insert_provider_.bind(1, provider.name)
      .bind(2, provider.domain)
      .bind(3, store::name_key(provider.name))
      .bind(4, store::name_key(provider.domain));
  auto id = find_or_insert(find_provider_, insert_provider_, *db_);
  if (!id) return id;
  providers_.emplace(std::move(cache_key), *id);
  return id;
}

Result<std::int64_t> NameIds::topic(std::string_view name, const std::string& key) {
  if (auto it = topics_.find(key); it != topics_.end()) return it->second;
  find_topic_.bind(1, key);
  insert_topic_.bind(1, name).bind(2, key);
  auto id = find_or_insert(find_topic_, insert_topic_, *db_);
  if (!id) return id;
  topics_.emplace(key, *id);
  return id;
}

void NameIds::forget() {
  providers_.clear();
  topics_.clear();
}

}  // namespace newsdb::sqlite
