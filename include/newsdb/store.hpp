// The store: where articles live. One interface, several backends (SQLite, the embedded default;
// PostgreSQL past one machine). Commands talk only to these interfaces; SQL stays inside each
// backend's folder (src/store/sqlite/, src/store/postgres/).
//
// A Store is used from one thread at a time. Several processes may open one database at once:
// backends wait for locks instead of failing, and never let "database is locked" reach the user.
#pragma once

#include <memory>
#include <newsdb/article_reader.hpp>
#include <newsdb/article_writer.hpp>
#include <newsdb/error.hpp>
#include <newsdb/import_log.hpp>
#include <newsdb/source_registry.hpp>
#include <newsdb/story_reader.hpp>
#include <string>
#include <string_view>

namespace newsdb {

enum class OpenMode {
  kReadWrite,          // creates the database (and missing parent folders) and migrates it
  kReadOnly,           // never writes; fails with kNotFound when the database does not exist
  kReadWriteExisting,  // as kReadWrite (migrates), but never creates: kNotFound when missing
};

class Store {
 public:
  virtual ~Store() = default;

  virtual ArticleWriter& writer() = 0;
  // What the store remembers of the inputs it imported: the skip rules and `newsdb errors` read
  // it here. Kept by the writer, in the writer's transactions.
  virtual ImportLog& import_log() = 0;
  virtual ArticleReader& reader() = 0;
  virtual SourceRegistry& sources() = 0;
  virtual StoryReader& stories() = 0;

  // "sqlite" or "postgresql".
  virtual std::string_view backend_name() const = 0;
};

// Opens the store named by `spec`: a postgresql:// or postgres:// URI selects PostgreSQL, anything
// else is a SQLite file path. Fails with kStore for a file that is not a newsdb database or a
// schema newer than this build, with kIo when the file cannot be created or opened, with
// kNotFound when a mode that does not create finds no database.
Result<std::unique_ptr<Store>> open_store(const std::string& spec, OpenMode mode);

}  // namespace newsdb
