// Provider and topic ids for the writer: get-or-create, remembered in memory so that a batch pays
// one hash lookup per name instead of a query.
//
// The caches hold only ids that are committed or belong to the open transaction; after a rollback
// call forget(), since ids made inside it no longer exist. Ids are never deleted otherwise, so an
// id committed by another process stays valid. Not thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <newsdb/article.hpp>
#include <newsdb/error.hpp>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/sqlite/database.hpp"

namespace newsdb::sqlite {

class NameIds {
 public:
  static Result<NameIds> prepare(Database& db);

  // The id of the provider with exactly this name and domain (created when new).
  Result<std::int64_t> provider(const Provider& provider);
  // The id of the topic whose folded name is `key` (created with `name` when new).
  Result<std::int64_t> topic(std::string_view name, const std::string& key);

  void forget();

 private:
  NameIds(Database& db, Statement find_provider, Statement insert_provider, Statement find_topic,
          Statement insert_topic);

  Database* db_;
  Statement find_provider_;
  Statement insert_provider_;
  Statement find_topic_;
  Statement insert_topic_;
  std::unordered_map<std::string, std::int64_t> providers_;  // name '\0' domain -> id
  std::unordered_map<std::string, std::int64_t> topics_;     // key -> id
};

}  // namespace newsdb::sqlite
