// The PostgreSQL writer's rows, checked in the tables themselves (the shared store tests check the
// same behaviour through the reader, for every backend).
#include <catch2/catch.hpp>
#include <newsdb/store.hpp>

#include "store/parsed_file.hpp"
#include "store/postgres/article_writer.hpp"
#include "store/postgres/database_uri.hpp"
#include "support/pg_database.hpp"

using namespace newsdb;

namespace {

Article article(const std::string& url, const std::string& title) {
  Article a;
  a.title = title;
  a.original_url = url;
  a.canonical_url = url;
  return a;
}

ParsedFile file(const std::string& path, std::vector<Article> articles) {
  ParsedFile f;
  f.record = ImportRecord{path, 100, 42, "hash-" + path, FileOutcome::kImported};
  f.articles = std::move(articles);
  return f;
}

Result<WriteCounts> write(Store& store, std::vector<ParsedFile> batch) {
  return store.writer().write_batch(batch, Timestamp(std::chrono::seconds(1'700'000'000)));
}

std::int64_t count(postgres::Connection& conn, const std::string& sql) {
  auto r = conn.exec(sql);
  if (!r) FAIL(r.error().message);
  return r->int64(0, 0);
}

std::string text(postgres::Connection& conn, const std::string& sql,
                 const postgres::Params& params = {}) {
  auto r = conn.exec(sql, params);
  if (!r) FAIL(r.error().message);
  REQUIRE(r->rows() == 1);
  return std::string(r->text(0, 0));
}

struct Fixture {
  std::optional<test::PgDatabase> db = test::PgDatabase::make(false);
  std::unique_ptr<Store> store;
  std::optional<postgres::Connection> conn;

  Fixture() {
    if (!db) return;
    auto opened = open_store(db->uri(), OpenMode::kReadWrite);
    REQUIRE(opened.has_value());
    store = std::move(*opened);
    conn.emplace(db->connect());
  }
};

}  // namespace

TEST_CASE("PostgreSQL: new, unchanged and updated articles are counted by content",
          "[store][postgresql]") {
  Fixture fx;
  if (!fx.db) return;
  auto first = write(*fx.store, {file("a.md", {article("https://x.test/1", "One"),
                                                article("https://x.test/2", "Two")})});
  REQUIRE(first.has_value());
  CHECK(first->added == 2);
  CHECK(first->updated == 0);
  CHECK(first->unchanged == 0);

  auto again = write(*fx.store, {file("a.md", {article("https://x.test/1", "One"),
                                                article("https://x.test/2", "Two")})});
  REQUIRE(again.has_value());
  CHECK(again->added == 0);
  CHECK(again->updated == 0);
  CHECK(again->unchanged == 2);

  auto changed = write(*fx.store, {file("a.md", {article("https://x.test/1", "One, revised"),
                                                  article("https://x.test/2", "Two")})});
  REQUIRE(changed.has_value());
  CHECK(changed->added == 0);
  CHECK(changed->updated == 1);
  CHECK(changed->unchanged == 1);
  CHECK(text(*fx.conn, "SELECT title FROM articles WHERE url = 'https://x.test/1'") ==
        "One, revised");
  CHECK(count(*fx.conn, "SELECT count(*) FROM articles") == 2);
}

TEST_CASE("PostgreSQL: of one URL in a batch, the last in input order wins",
          "[store][postgresql]") {
  Fixture fx;
  if (!fx.db) return;
  // "z.md" sorts after "a.md" but comes first: input order, not path order, decides.
  auto counts = write(*fx.store, {file("z.md", {article("https://x.test/s", "first")}),
                                  file("a.md", {article("https://x.test/s", "second"),
                                                article("https://x.test/s", "third")})});
  REQUIRE(counts.has_value());
  CHECK(counts->added == 1);
  CHECK(text(*fx.conn, "SELECT title FROM articles") == "third");
  CHECK(text(*fx.conn, "SELECT source_path FROM articles") == "a.md");
}

namespace {

// 150 URLs (the writer cuts a batch of 64 or more in two by URL); URLs 0..9 come back at the end,
// revised, and URL 3 a third time as it was first: input order, not the part, decides. Written
// with `writer`, checked in the tables through `conn`.
void check_large_batch(ArticleWriter& writer, postgres::Connection& conn) {
  const int n = 150;
  auto url = [](int i) { return "https://big.test/" + std::to_string(i); };
  std::vector<ParsedFile> batch;
  auto version = [&](const std::string& path, int i, const std::string& v) {
    return file(path + std::to_string(i) + ".md", {article(url(i), v + " " + std::to_string(i))});
  };
  for (int i = 0; i < n; ++i) batch.push_back(version("f", i, "v1"));
  for (int i = 0; i < 10; ++i) batch.push_back(version("g", i, "v2"));
  batch.push_back(file("h.md", {article(url(3), "v1 3")}));
  const Timestamp now(std::chrono::seconds(1'700'000'000));
  auto counts = writer.write_batch(batch, now);
  REQUIRE(counts.has_value());
  CHECK(counts->added == n);
  CHECK(counts->updated == 11);  // 0..9 revised, then 3 back as it was
  CHECK(counts->unchanged == 0);
  CHECK(count(conn, "SELECT count(*) FROM articles") == n);
  const std::string title_of = "SELECT title FROM articles WHERE url = $1";
  CHECK(text(conn, title_of, postgres::Params().add(url(3))) == "v1 3");
  CHECK(text(conn, title_of, postgres::Params().add(url(7))) == "v2 7");
  CHECK(count(conn, "SELECT count(*) FROM import_files") == n + 11);
  // Ids follow the order of each URL's last record, whichever connection inserted it: 10..149,
  // 0..2, 4..9, then 3.
  std::vector<std::string> expected;
  for (int i = 10; i < n; ++i) expected.push_back(url(i));
  for (int i = 0; i < 10; ++i) {
    if (i != 3) expected.push_back(url(i));
  }
  expected.push_back(url(3));
  auto rows = conn.exec("SELECT url, id FROM articles ORDER BY id");
  REQUIRE(rows.has_value());
  std::vector<std::string> by_id;
  for (int i = 0; i < rows->rows(); ++i) by_id.emplace_back(rows->text(i, 0));
  CHECK(by_id == expected);
  CHECK(count(conn, "SELECT max(id) - min(id) + 1 FROM articles") == n);

  // Written again: URLs 0..9 but 3 find their first record v1 against the stored v2, then v2
  // (2 updates each); URL 3 finds v1 as stored, then v2, then v1 (1 unchanged, 2 updates).
  auto again = writer.write_batch(batch, now);
  REQUIRE(again.has_value());
  CHECK(again->added == 0);
  CHECK(again->updated == 9 * 2 + 2);
  CHECK(again->unchanged == (n - 10) + 1);
}

// The sessions on the test's database besides `conn`'s own.
std::int64_t other_sessions(postgres::Connection& conn) {
  return count(conn, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                     "AND pid <> pg_backend_pid()");
}

}  // namespace

TEST_CASE("PostgreSQL: a large batch, written in two parts, keeps the last-writer rule and the "
          "input order of ids",
          "[store][postgresql]") {
  Fixture fx;
  if (!fx.db) return;
  check_large_batch(fx.store->writer(), *fx.conn);
  // The store's second connection did write: the store holds two sessions beside this test's.
  CHECK(other_sessions(*fx.conn) == 2);
}

TEST_CASE("PostgreSQL: without a second connection, a large batch is written whole on one",
          "[store][postgresql]") {
  Fixture fx;
  if (!fx.db) return;
  // The second connection's URI names a database that does not exist, so it cannot be opened
  // (as when the server is at its connection limit); the writer writes on the test's connection.
  auto missing = postgres::with_database(fx.db->uri(), "newsdb_no_such_database");
  REQUIRE(missing.has_value());
  postgres::PgArticleWriter writer(*fx.conn, *missing);
  check_large_batch(writer, *fx.conn);
  CHECK(other_sessions(*fx.conn) == 1);  // the store's own connection, never a second one
}

TEST_CASE("PostgreSQL: an update replaces topics, images and related entries",
          "[store][postgresql]") {
  Fixture fx;
  if (!fx.db) return;
  Article a = article("https://x.test/t", "T");
  a.topics = {"AI", "Chips", "ai"};
  a.images = {Image{"https://img.test/1.jpg", 10, 20, true, Json::object()},
              Image{"https://img.test/2.jpg", std::nullopt, std::nullopt, std::nullopt,
                    Json{{"title", "caption"}}}};
  RelatedArticle r;
  r.title = "Other coverage";
  r.web_url = "HTTPS://Other.TEST/story?utm_source=x";
  a.related = {r};
  a.provider = Provider{"Beebom", "beebom.com", Json::object()};
  REQUIRE(write(*fx.store, {file("a.md", {a})}).has_value());
  // "ai" is the same topic as "AI": kept once, under the first spelling.
  CHECK(count(*fx.conn, "SELECT count(*) FROM article_topics") == 2);
  CHECK(text(*fx.conn, "SELECT string_agg(t.name, ',' ORDER BY at.position) FROM article_topics "
                       "at JOIN topics t ON t.id = at.topic_id") == "AI,Chips");
  CHECK(count(*fx.conn, "SELECT count(*) FROM images") == 2);
  CHECK(text(*fx.conn, "SELECT extra FROM images WHERE position = 1") == R"({"title":"caption"})");
  CHECK(text(*fx.conn, "SELECT url FROM related") == "https://other.test/story");
  CHECK(text(*fx.conn, "SELECT p.name || '|' || p.domain FROM articles a JOIN providers p ON "
                       "p.id = a.provider_id") == "Beebom|beebom.com");

  a.topics = {"Robots"};
  a.images.clear();
  a.related.clear();
  REQUIRE(write(*fx.store, {file("a.md", {a})}).has_value());
  CHECK(text(*fx.conn, "SELECT string_agg(t.name, ',') FROM article_topics at JOIN topics t ON "
                       "t.id = at.topic_id") == "Robots");
  CHECK(count(*fx.conn, "SELECT count(*) FROM images") == 0);
  CHECK(count(*fx.conn, "SELECT count(*) FROM related") == 0);
}

TEST_CASE("PostgreSQL: text with COPY's special characters is stored byte for byte",
          "[store][postgresql]") {
  Fixture fx;
  if (!fx.db) return;
  const std::string nasty = "tab\there\nnewline\r\\N back\\slash \"quotes\" 'single' ü 日本 🎉";
  Article a = article("https://x.test/n", nasty);
  a.body = nasty + "\n\n# heading";
  a.secured = "abc+/=;def==";
  REQUIRE(write(*fx.store, {file("weird\tname.md", {a})}).has_value());
  CHECK(text(*fx.conn, "SELECT title FROM articles") == nasty);
  CHECK(text(*fx.conn, "SELECT body FROM articles") == nasty + "\n\n# heading");
  CHECK(text(*fx.conn, "SELECT path FROM import_files") == "weird\tname.md");
}

TEST_CASE("PostgreSQL: import records are looked up in the order asked",
          "[store][postgresql]") {
  Fixture fx;
  if (!fx.db) return;
  ParsedFile failed;
  failed.record = ImportRecord{"bad.md", 5, 6, "hb", FileOutcome::kFailed};
  failed.diagnostics = {Diagnostic{"bad.md", 3, 7, "quality", "quality: not an integer"},
                        Diagnostic{"bad.md", 4, 1, "", "only a warning", Severity::kWarning}};
  REQUIRE(write(*fx.store, {file("good.md", {article("https://x.test/g", "G")}), failed}));

  std::vector<std::string> paths{"bad.md", "unknown.md", "good.md"};
  auto records = fx.store->import_log().lookup(paths);
  REQUIRE(records.has_value());
  REQUIRE(records->size() == 3);
  REQUIRE((*records)[0].has_value());
  CHECK((*records)[0]->outcome == FileOutcome::kFailed);
  CHECK((*records)[0]->size == 5);
  CHECK((*records)[0]->mtime_ns == 6);
  CHECK((*records)[0]->content_hash == "hb");
  CHECK_FALSE((*records)[1].has_value());
  REQUIRE((*records)[2].has_value());
  CHECK((*records)[2]->outcome == FileOutcome::kImported);
  CHECK((*records)[2]->content_hash == "hash-good.md");

  // Errors only, and only for the failed file.
  CHECK(count(*fx.conn, "SELECT count(*) FROM import_errors") == 1);
  CHECK(text(*fx.conn, "SELECT path || ':' || line || ':' || \"column\" || ' ' || field || ' ' || "
                       "message FROM import_errors") == "bad.md:3:7 quality quality: not an integer");

  // Once the file imports, its errors are gone.
  REQUIRE(write(*fx.store, {file("bad.md", {article("https://x.test/b", "B")})}));
  CHECK(count(*fx.conn, "SELECT count(*) FROM import_errors") == 0);
  auto again = fx.store->import_log().lookup(paths);
  REQUIRE(again.has_value());
  CHECK((*again)[0]->outcome == FileOutcome::kImported);
}

TEST_CASE("PostgreSQL: search is accent-insensitive and weighs title over excerpt over body",
          "[store][postgresql]") {
  Fixture fx;
  if (!fx.db) return;
  Article in_title = article("https://x.test/1", "Gödel's zebra");
  Article in_excerpt = article("https://x.test/2", "Second");
  in_excerpt.excerpt = "a zebra here";
  Article in_body = article("https://x.test/3", "Third");
  in_body.body = "the ZÉBRA is in the body";
  Article none = article("https://x.test/4", "Nothing");
  REQUIRE(write(*fx.store, {file("a.md", {in_body, none, in_excerpt, in_title})}));

  // The query goes through unaccent as the reader sends it; the vector was unaccented when written.
  CHECK(count(*fx.conn, "SELECT count(*) FROM articles WHERE search @@ unaccent('godel')::tsquery") ==
        1);
  CHECK(count(*fx.conn, "SELECT count(*) FROM articles WHERE search @@ unaccent('zébra')::tsquery") ==
        3);
  CHECK(text(*fx.conn, "SELECT string_agg(url, ' ' ORDER BY ts_rank(search, q) DESC) FROM "
                       "articles, CAST(unaccent('zebra') AS tsquery) q WHERE search @@ q") ==
        "https://x.test/1 https://x.test/2 https://x.test/3");
}
