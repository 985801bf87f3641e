#include "store/sqlite/sqlite_store.hpp"

#include <filesystem>
#include <system_error>

#include "store/sqlite/article_reader.hpp"
#include "store/sqlite/article_writer.hpp"
#include "store/sqlite/schema.hpp"
#include "store/sqlite/source_registry.hpp"
#include "store/sqlite/story_tables.hpp"
#include "store/sqlite/story_rows.hpp"
#include "store/writer_import_log.hpp"

namespace newsdb::sqlite {
namespace {

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(Database db) : db_(std::move(db)) {}

  // Components are made on first use, so a query never prepares the writer's statements.
  ArticleWriter& writer() override {
    if (!writer_) writer_ = std::make_unique<SqliteArticleWriter>(db_);
    return *writer_;
  }
  // The writer keeps the log (store/writer_import_log.hpp).
  newsdb::ImportLog& import_log() override {
    if (!log_) {
      auto writer = [this]() -> SqliteArticleWriter& {
        this->writer();
        return *writer_;
      };
      log_ = std::make_unique<store::WriterImportLog<SqliteArticleWriter>>(writer);
    }
    return *log_;
  }
  ArticleReader& reader() override {
    if (!reader_) reader_ = std::make_unique<SqliteArticleReader>(db_);
    return *reader_;
  }
  SourceRegistry& sources() override {
    if (!sources_) sources_ = std::make_unique<SqliteSourceRegistry>(db_);
    return *sources_;
  }
  StoryReader& stories() override {
    if (!stories_) {
      story_rows_ = std::make_unique<SqliteStoryRows>(db_);
      stories_ = std::make_unique<store::GenericStoryReader>(*story_rows_, reader());
    }
    return *stories_;
  }
  std::string_view backend_name() const override { return "sqlite"; }

 private:
  // Declared first so it is destroyed last: the components' statements must go before it.
  Database db_;
  std::unique_ptr<SqliteArticleWriter> writer_;
  std::unique_ptr<newsdb::ImportLog> log_;
  std::unique_ptr<SqliteArticleReader> reader_;
  std::unique_ptr<SqliteSourceRegistry> sources_;
  std::unique_ptr<SqliteStoryRows> story_rows_;
  std::unique_ptr<store::GenericStoryReader> stories_;
};

}  // namespace

Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path, OpenMode mode) {
  auto access =
      mode == OpenMode::kReadOnly ? Database::Access::kReadOnly : Database::Access::kReadWrite;
  if (mode == OpenMode::kReadWrite) {
    auto parent = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    if (ec) {
      return fail(ErrorKind::kIo, "cannot create the folder " + parent.string() +
                                      " for the database: " + ec.message());
    }
  } else if (!std::filesystem::exists(path)) {
    return fail(ErrorKind::kNotFound,
                "no database at " + path + ": run `newsdb import` first, or pass --db");
  }
  auto db = Database::open(path, access);
  if (!db) return std::unexpected(db.error());
  // SQLite quietly opens a write-protected file read-only; say so now, not at the first write.
  if (access == Database::Access::kReadWrite && db->read_only()) {
    return fail(ErrorKind::kIo, path + " is read-only for this user: newsdb cannot write to it " +
                                    "(check the permissions of the file and its folder, or " +
                                    "pass another --db)");
  }
  if (auto r = prepare_schema(*db, access); !r) return std::unexpected(r.error());
  // A store that predates stories has its articles grouped once, before anything else writes.
  if (access == Database::Access::kReadWrite) {
    if (auto r = backfill_stories(*db); !r) return std::unexpected(r.error());
  }
  return std::unique_ptr<Store>(std::make_unique<SqliteStore>(std::move(*db)));
}

}  // namespace newsdb::sqlite
