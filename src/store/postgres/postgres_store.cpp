#include "store/postgres/postgres_store.hpp"

#ifndef NEWSDB_HAVE_POSTGRES

#include <newsdb/migrate.hpp>

namespace newsdb {
namespace {
constexpr const char* kNoPostgres =
    "this newsdb was built without PostgreSQL support; rebuild with -DNEWSDB_POSTGRES=ON "
    "(needs libpq-dev)";
}

Result<MigrateReport> migrate_archive(const std::string&, const std::string&,
                                      const std::function<void(const TableCount&)>&) {
  return fail(ErrorKind::kUnsupported, kNoPostgres);
}

namespace postgres {
Result<std::unique_ptr<Store>> open_postgres_store(const std::string&, OpenMode) {
  return fail(ErrorKind::kUnsupported, kNoPostgres);
}
}  // namespace postgres

}  // namespace newsdb

#else

#include "store/postgres/article_reader.hpp"
#include "store/postgres/article_writer.hpp"
#include "store/postgres/connection.hpp"
#include "store/postgres/database_admin.hpp"
#include "store/postgres/database_uri.hpp"
#include "store/postgres/schema.hpp"
#include "store/postgres/source_registry.hpp"
#include "store/postgres/story_tables.hpp"
#include "store/postgres/story_rows.hpp"
#include "store/writer_import_log.hpp"

namespace newsdb::postgres {
namespace {

class PostgresStore final : public Store {
 public:
  PostgresStore(Connection conn, std::string uri) : conn_(std::move(conn)), uri_(std::move(uri)) {}

  // Components are made on first use, so a query never prepares the writer's statements.
  ArticleWriter& writer() override {
    if (!writer_) writer_ = std::make_unique<PgArticleWriter>(conn_, uri_);
    return *writer_;
  }
  // The writer keeps the log (store/writer_import_log.hpp).
  newsdb::ImportLog& import_log() override {
    if (!log_) {
      auto writer = [this]() -> PgArticleWriter& {
        this->writer();
        return *writer_;
      };
      log_ = std::make_unique<store::WriterImportLog<PgArticleWriter>>(writer);
    }
    return *log_;
  }
  ArticleReader& reader() override {
    if (!reader_) reader_ = std::make_unique<PgArticleReader>(conn_);
    return *reader_;
  }
  SourceRegistry& sources() override {
    if (!sources_) sources_ = std::make_unique<PgSourceRegistry>(conn_);
    return *sources_;
  }
  StoryReader& stories() override {
    if (!stories_) {
      story_rows_ = std::make_unique<PgStoryRows>(conn_);
      stories_ = std::make_unique<store::GenericStoryReader>(*story_rows_, reader());
    }
    return *stories_;
  }
  std::string_view backend_name() const override { return "postgresql"; }

 private:
  // Declared first so it is destroyed last.
  Connection conn_;
  std::string uri_;  // the writer's second connection opens it
  std::unique_ptr<PgArticleWriter> writer_;
  std::unique_ptr<newsdb::ImportLog> log_;
  std::unique_ptr<PgArticleReader> reader_;
  std::unique_ptr<PgSourceRegistry> sources_;
  std::unique_ptr<PgStoryRows> story_rows_;
  std::unique_ptr<store::GenericStoryReader> stories_;
};

bool database_missing(const Error& error, const std::string& name) {
  // libpq reports a missing database only in the server's words (no SQLSTATE before a session
  // exists); servers speaking another language fall through to the plain connection error.
  return error.message.find("database \"" + name + "\" does not exist") != std::string::npos;
}

// kReadWrite on a database that does not exist yet creates it, like SQLite creates its file.
Result<Connection> connect_creating(const std::string& uri) {
  auto conn = Connection::open(uri);
  if (conn) return conn;
  auto name = uri_database(uri);
  if (!name || !database_missing(conn.error(), *name)) return conn;
  if (auto created = create_database(uri, *name); !created) return std::unexpected(created.error());
  return Connection::open(uri);
}

}  // namespace

Result<std::unique_ptr<Store>> open_postgres_store(const std::string& uri, OpenMode mode) {
  auto conn = mode == OpenMode::kReadWrite ? connect_creating(uri) : Connection::open(uri);
  if (!conn) {
    auto name = uri_database(uri);
    if (name && database_missing(conn.error(), *name)) {
      return fail(ErrorKind::kNotFound, "no PostgreSQL database \"" + *name +
                                            "\" on that server: run `newsdb import` first, or "
                                            "pass another --db");
    }
    return std::unexpected(conn.error());
  }
  if (mode == OpenMode::kReadOnly) {
    // A reader can then never write, whatever it runs (`newsdb sql` included).
    if (auto r = conn->exec("SET default_transaction_read_only = on"); !r) {
      return std::unexpected(r.error());
    }
  }
  if (auto r = prepare_schema(*conn, mode); !r) return std::unexpected(r.error());
  // A store that predates stories has its articles grouped once, before anything else writes.
  if (mode != OpenMode::kReadOnly) {
    if (auto r = backfill_stories(*conn); !r) return std::unexpected(r.error());
  }
  return std::unique_ptr<Store>(std::make_unique<PostgresStore>(std::move(*conn), uri));
}

}  // namespace newsdb::postgres

#endif  // NEWSDB_HAVE_POSTGRES
