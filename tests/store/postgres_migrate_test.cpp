// `migrate`: PostgreSQL -> SQLite -> PostgreSQL and SQLite -> PostgreSQL -> SQLite must give back
// every row of every table, and every command the same answers.
#include <catch2/catch.hpp>
#include <newsdb/migrate.hpp>
#include <newsdb/store.hpp>

#include "store/parsed_file.hpp"
#include "store/sqlite/database.hpp"
#include "store/writer_fixtures.hpp"
#include "support/pg_database.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

using namespace newsdb;

namespace {

const Timestamp kNow{std::chrono::seconds(1'700'000'000)};

const std::vector<std::string> kTables = {"providers",      "topics",        "articles",
                                          "article_topics", "images",        "related",
                                          "import_files",   "import_errors", "sources"};

// Every row of `table` as text, in key order: what "exactly the same" is checked against.
std::vector<std::string> dump(postgres::Connection& conn, const std::string& table) {
  auto rows = conn.exec("SELECT t::text FROM " + table + " t ORDER BY 1");
  if (!rows) FAIL(rows.error().message);
  std::vector<std::string> out;
  for (int i = 0; i < rows->rows(); ++i) out.emplace_back(rows->text(i, 0));
  return out;
}

Article sample(int n) {
  Article a;
  a.canonical_url = "https://m.test/" + std::to_string(n);
  a.original_url = a.canonical_url;
  a.web_url = a.canonical_url + "?web";
  a.title = "Title " + std::to_string(n) + " with\ttab, \"quotes\" and ünïcödé";
  if (n % 2) a.excerpt = "excerpt\nline two";
  if (n % 3) a.body = "# Body\n\nback\\slash " + std::to_string(n);
  a.published_date_time = Timestamp(std::chrono::seconds(1'600'000'000 + n));
  a.category = "News";
  a.type = "article";
  a.quality = -n;
  a.heat = std::int64_t{1} << 40;
  a.published = n % 2 == 0;
  // Names met in an order that is not their sort order: ids follow the order met.
  a.provider = Provider{"P" + std::to_string(9 - n % 3), "p.test", Json{{"images", Json::array()}}};
  a.topics = {"Zeta " + std::to_string(n % 4), "AI", "ai", "Topic " + std::to_string(9 - n % 5)};
  a.images = {Image{"https://i.test/" + std::to_string(n), 5, 6, n % 2 == 1, Json{{"title", "t"}}}};
  RelatedArticle r;
  r.title = "Related";
  r.web_url = "https://m.test/" + std::to_string(n + 1);
  r.provider = Provider{"Other", "o.test", Json::object()};
  a.related = {r};
  a.secured = "c2VjcmV0;aXY=";
  a.extra = Json{{"locale", "en"}, {"tags", Json::array({"x", "y"})}};
  return a;
}

// Enough articles for the PostgreSQL writer to write the batch in two parts on two connections.
constexpr int kFilled = 100;

void fill(Store& store) {
  std::vector<ParsedFile> batch;
  for (int n = 0; n < kFilled; ++n) {
    ParsedFile f;
    f.record = ImportRecord{"dir/" + std::to_string(n) + ".md", n, n * 1000,
                            "h" + std::to_string(n), FileOutcome::kImported};
    f.articles = {sample(n)};
    batch.push_back(std::move(f));
  }
  ParsedFile bad;
  bad.record = ImportRecord{"dir/bad.md", 1, 2, "hb", FileOutcome::kFailed};
  bad.diagnostics = {Diagnostic{"dir/bad.md", 2, 3, "title", "title: missing"}};
  batch.push_back(bad);
  auto written = store.writer().write_batch(batch, kNow);
  REQUIRE(written.has_value());
  REQUIRE(written->added == kFilled);
}

}  // namespace

TEST_CASE("migrate PostgreSQL -> SQLite -> PostgreSQL keeps every row", "[store][postgresql]") {
  auto original = test::PgDatabase::make(false);
  if (!original) return;
  auto final_db = test::PgDatabase::make(false);
  test::TempDir dir;
  const std::string sqlite_path = (dir.path() / "moved.sqlite").string();
  {
    auto store = open_store(original->uri(), OpenMode::kReadWrite);
    REQUIRE(store.has_value());
    fill(**store);
  }
  // Sources are written straight into the table: the registry belongs to another part.
  auto conn = original->connect();
  REQUIRE(
      conn.exec("INSERT INTO sources (url, every_seconds, etag, error_count, created_at) "
                "VALUES ('https://feed.test/rss', 1800, 'W/\"1\"', 2, 1700000000)"));

  auto there = migrate_archive(original->uri(), sqlite_path);
  REQUIRE(there.has_value());
  {
    // In SQLite, numbers and booleans are integers, as its own writer stores them.
    auto db = sqlite::Database::open(sqlite_path, sqlite::Database::Access::kReadOnly);
    REQUIRE(db.has_value());
    auto types = db->prepare(
        "SELECT count(*) FROM articles WHERE typeof(published) = 'integer' AND "
        "typeof(quality) = 'integer' AND typeof(published_at) = 'integer' AND typeof(title) = "
        "'text'");
    REQUIRE(types.has_value());
    REQUIRE(types->step().value());
    CHECK(types->column_int(0) == kFilled);
  }
  auto back = migrate_archive(sqlite_path, final_db->uri());
  REQUIRE(back.has_value());

  auto final_conn = final_db->connect();
  for (const auto& table : kTables) {
    INFO(table);
    auto before = dump(conn, table);
    CHECK_FALSE(before.empty());
    CHECK(dump(final_conn, table) == before);
  }
  auto articles = std::find_if(back->tables.begin(), back->tables.end(),
                               [](const TableCount& t) { return t.table == "articles"; });
  REQUIRE(articles != back->tables.end());
  CHECK(articles->rows == kFilled);

  // Ids carried over: the next article written gets a fresh one, not a duplicate key.
  auto store = open_store(final_db->uri(), OpenMode::kReadWrite);
  REQUIRE(store.has_value());
  ParsedFile f;
  f.record = ImportRecord{"new.md", 1, 1, "n", FileOutcome::kImported};
  f.articles = {sample(1000)};
  auto added = (*store)->writer().write_batch(std::span<const ParsedFile>(&f, 1), kNow);
  REQUIRE(added.has_value());
  CHECK(added->added == 1);

  // A re-import of the same content finds it unchanged: content hashes survived.
  std::vector<ParsedFile> again(1);
  again[0].record = ImportRecord{"dir/5.md", 5, 5000, "h5", FileOutcome::kImported};
  again[0].articles = {sample(5)};
  auto unchanged = (*store)->writer().write_batch(again, kNow);
  REQUIRE(unchanged.has_value());
  CHECK(unchanged->unchanged == 1);
}

TEST_CASE("migrate refuses a target that already holds data", "[store][postgresql]") {
  auto source = test::PgDatabase::make(false);
  if (!source) return;
  auto target = test::PgDatabase::make(false);
  for (const auto* db : {&*source, &*target}) {
    auto store = open_store(db->uri(), OpenMode::kReadWrite);
    REQUIRE(store.has_value());
    fill(**store);
  }
  auto moved = migrate_archive(source->uri(), target->uri());
  REQUIRE_FALSE(moved.has_value());
  CHECK(moved.error().kind == ErrorKind::kInvalidInput);
  CHECK_THAT(moved.error().message, Catch::Contains("already holds data"));
}

TEST_CASE("migrate refuses a source it cannot copy whole", "[store][postgresql]") {
  auto source = test::PgDatabase::make(false);
  if (!source) return;
  auto target = test::PgDatabase::make(false);
  REQUIRE(open_store(source->uri(), OpenMode::kReadWrite).has_value());
  auto conn = source->connect();
  REQUIRE(conn.exec("CREATE TABLE my_notes (note text)"));
  auto moved = migrate_archive(source->uri(), target->uri());
  REQUIRE_FALSE(moved.has_value());
  CHECK_THAT(moved.error().message, Catch::Contains("my_notes"));
}

TEST_CASE("migrate from a store that does not exist says so", "[store][postgresql]") {
  test::TempDir dir;
  auto moved =
      migrate_archive((dir.path() / "none.sqlite").string(), (dir.path() / "to.sqlite").string());
  REQUIRE_FALSE(moved.has_value());
  CHECK(moved.error().kind == ErrorKind::kNotFound);
}

TEST_CASE("both backends store one batch in the very same rows", "[store][postgresql]") {
  // Written natively into each backend, then SQLite's rows moved next to PostgreSQL's: any
  // difference in how the writers encode (hashes, keys, JSON, positions) shows up here.
  auto native = test::PgDatabase::make(false);
  if (!native) return;
  auto moved = test::PgDatabase::make(false);
  test::TempDir dir;
  const std::string sqlite_path = (dir.path() / "native.sqlite").string();
  for (const std::string& spec : {native->uri(), sqlite_path}) {
    auto store = open_store(spec, OpenMode::kReadWrite);
    REQUIRE(store.has_value());
    fill(**store);
  }
  REQUIRE(migrate_archive(sqlite_path, moved->uri()).has_value());
  auto a = native->connect();
  auto b = moved->connect();
  for (const auto& table : kTables) {
    if (table == "sources") continue;
    INFO(table);
    CHECK(dump(b, table) == dump(a, table));
  }
}

TEST_CASE("newsdb migrate SQLite -> PostgreSQL -> SQLite: every row and every answer the same",
          "[store][postgresql][migrate]") {
  auto pg = test::PgDatabase::make(false);
  if (!pg) return;
  test::TempDir dir;
  const std::string first = (dir.path() / "first.sqlite").string();
  const std::string last = (dir.path() / "last.sqlite").string();
  // A real archive made by the CLI: the query fixtures and samples, a file that fails (an import
  // error to carry over) and a feed source.
  const std::string data = NEWSDB_TEST_DATA;
  auto imported = test::run_newsdb(
      {"--db", first, "import", data + "/query", NEWSDB_SAMPLES, data + "/broken/bad-date.md"});
  REQUIRE(imported.exit_code == 1);  // the broken file
  REQUIRE(
      test::run_newsdb({"--db", first, "sources", "add", "https://feed.test/rss", "--every", "2h"})
          .exit_code == 0);

  auto there = test::run_newsdb({"migrate", "--from", first, "--to", pg->uri()});
  INFO(there.err);
  REQUIRE(there.exit_code == 0);
  CHECK_THAT(there.out, Catch::StartsWith("migrated ") && Catch::Contains("articles"));
  auto back = test::run_newsdb({"migrate", "--from", pg->uri(), "--to", last});
  INFO(back.err);
  REQUIRE(back.exit_code == 0);

  // Every row of every table, SQLite before and after the round trip.
  test::SqlView before(first), after(last);
  for (const auto& table : kTables) {
    INFO(table);
    auto rows_before = before.rows("SELECT * FROM " + table + " ORDER BY 1");
    CHECK_FALSE(rows_before.empty());
    CHECK(after.rows("SELECT * FROM " + table + " ORDER BY 1") == rows_before);
  }
  // And every command answers alike on the three stores.
  for (std::vector<std::string> command :
       {std::vector<std::string>{"export", "--format", "ndjson"},
        {"stats", "--format", "json"},
        {"topics", "--limit", "0", "--format", "json"},
        {"providers", "--limit", "0", "--format", "json"},
        {"query", "--text", "quantum", "--sort", "oldest", "--format", "json"},
        {"errors", "--format", "json"},
        {"sources", "list", "--format", "json"}}) {
    INFO(command[0]);
    std::vector<std::string> answers;
    for (const std::string& db : {first, pg->uri(), last}) {
      command.insert(command.begin(), {"--db", db});
      auto ran = test::run_newsdb(command);
      command.erase(command.begin(), command.begin() + 2);
      CHECK(ran.exit_code == 0);
      answers.push_back(ran.out);
    }
    CHECK(answers[0].size() > 2);
    CHECK(answers[1] == answers[0]);
    CHECK(answers[2] == answers[0]);
  }
}
