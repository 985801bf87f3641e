// The PostgreSQL writer's two ways in: articles new to the store with an ASCII search vector are
// COPYed as final rows straight into the store's tables, the others merged from staging tables.
// Both must store the same bytes (so `newsdb migrate` and re-imports find every article
// unchanged), and final rows that lose a race to another writer must be written again through
// staging with exact counts.
#include <catch2/catch.hpp>
#include <newsdb/store.hpp>
#include <thread>

#include "store/parsed_file.hpp"
#include "store/postgres/article_writer.hpp"
#include "store/postgres/staged_batch.hpp"
#include "support/pg_database.hpp"
#include "support/store_sql.hpp"

using namespace newsdb;

namespace {

const Timestamp kNow(std::chrono::seconds(1'700'000'000));

std::string url_of(int i) {
  return "https://rows.test/story/" + std::to_string(i);
}

// Article `i` (version `v`): a mix of everything a row holds, some fields missing, and a search
// vector that is not ASCII for every i divisible by 5 (title), 7 (body, when it has one) or 11 (a
// topic).
Article make_article(int i, int v = 1) {
  Article a;
  a.canonical_url = url_of(i);
  a.original_url = a.canonical_url;
  a.title = (i % 5 == 0 ? "Gödel story " : "Plain story ") + std::to_string(i);
  if (v > 1) a.title += " v" + std::to_string(v);
  if (i % 3 != 0) a.excerpt = "Excerpt of " + std::to_string(i) + " \u2014 with a dash";
  if (i % 4 != 0) {
    a.body = "Body of " + std::to_string(i) + "\n\n\u201cquoted\u201d text" +
             (i % 7 == 0 ? " and a na\u00efve word" : "");
  }
  if (i % 6 != 0) a.published_date_time = kNow - std::chrono::hours(i);
  if (i % 2 == 0) a.category = "Tech \u00c9dition";
  if (i % 3 == 1) a.type = "News";
  if (i % 4 == 1) a.quality = i;
  if (i % 4 == 2) a.heat = -i;
  if (i % 5 == 3) a.published = i % 2 == 0;
  if (i % 9 != 0) {
    a.provider = Provider{i % 4 == 0 ? "Z\u00fcrich News" : "Provider " + std::to_string(i % 4),
                          "p" + std::to_string(i % 4) + ".test", Json::object()};
    if (i % 2 == 1) a.provider->extra = Json{{"logo", "https://p.test/" + std::to_string(i)}};
  }
  if (i % 3 != 2) a.topics = {"AI", "Topic " + std::to_string(i % 6), "ai"};
  if (i % 11 == 0) a.topics.push_back("\u00c9lys\u00e9e");
  if (i % 3 == 1) {
    a.images = {
        Image{"https://img.test/" + std::to_string(i) + ".jpg", 10, 20, true, Json::object()},
        Image{"https://img.test/" + std::to_string(i) + "b.jpg", std::nullopt, std::nullopt,
              std::nullopt, Json{{"title", "caption"}}}};
  }
  if (i % 4 == 1) {
    RelatedArticle with;
    with.title = "Related to " + std::to_string(i);
    with.web_url = "HTTPS://Other.TEST/story?id=" + std::to_string(i) + "&utm_source=x";
    with.provider = Provider{"Other", "other.test", Json::object()};
    with.published_date_time = kNow;
    RelatedArticle without;
    without.title = "Unlinked";
    a.related = {with, without};
  }
  if (i % 5 == 2) a.extra = Json{{"custom", i}, {"another", "value"}};
  if (i % 8 == 3) a.secured = "c2VjcmV0+/=";
  return a;
}

ParsedFile file(const std::string& path, std::vector<Article> articles) {
  ParsedFile f;
  f.record = ImportRecord{path,
                          100,
                          42,
                          "hash-" + path,
                          FileOutcome::kImported,
                          static_cast<std::int64_t>(articles.size())};
  f.articles = std::move(articles);
  return f;
}

// 120 URLs (a large batch: two parts, two connections), several of them more than once: URLs 0..9
// again revised, URL 3 a third time as it was first, URL 20 twice in one file. One failed input.
std::vector<ParsedFile> large_batch() {
  std::vector<ParsedFile> batch;
  for (int i = 0; i < 120; ++i) {
    batch.push_back(file("a/" + std::to_string(i) + ".md", {make_article(i)}));
  }
  for (int i = 0; i < 10; ++i) {
    batch.push_back(file("b/" + std::to_string(i) + ".md", {make_article(i, 2)}));
  }
  batch.push_back(file("c/3.md", {make_article(3)}));
  batch.push_back(file("c/20.md", {make_article(20, 2), make_article(20, 3)}));
  ParsedFile failed = file("bad.md", {});
  failed.record.outcome = FileOutcome::kFailed;
  failed.diagnostics = {Diagnostic{"bad.md", 3, 7, "quality", "quality: not an integer"}};
  batch.push_back(failed);
  return batch;
}

// A small batch (one transaction): 5 URLs new, 5 stored ones revised, one of them twice.
std::vector<ParsedFile> small_batch() {
  std::vector<ParsedFile> batch;
  for (int i = 200; i < 205; ++i) {
    batch.push_back(file("d/" + std::to_string(i) + ".md", {make_article(i)}));
  }
  for (int i = 50; i < 55; ++i) {
    batch.push_back(file("e/" + std::to_string(i) + ".md", {make_article(i, 4)}));
  }
  batch.push_back(file("e/52b.md", {make_article(52, 5)}));
  return batch;
}

// URLs that may be written as final rows (new to the store, ASCII vector), by the rule above.
bool ascii_vector(int i) {
  const bool naive_body = i % 7 == 0 && i % 4 != 0;
  return i % 5 != 0 && !naive_body && i % 11 != 0;
}
int ascii_among(int from, int to) {
  int n = 0;
  for (int i = from; i < to; ++i) n += ascii_vector(i);
  return n;
}

// A database with the schema, and a writer of its own on it (two connections for large batches).
struct Target {
  std::optional<test::PgDatabase> db = test::PgDatabase::make(false);
  std::optional<postgres::Connection> conn;  // the writer's
  std::optional<postgres::PgArticleWriter> writer;

  explicit Target(bool direct) {
    if (!db) return;
    REQUIRE(open_store(db->uri(), OpenMode::kReadWrite).has_value());
    conn.emplace(db->connect());
    writer.emplace(*conn, db->uri());
    writer->set_write_new_directly(direct);
  }

  WriteCounts write(const std::vector<ParsedFile>& batch) {
    auto counts = writer->write_batch(batch, kNow);
    if (!counts) FAIL(counts.error().message);
    return *counts;
  }

  std::vector<std::string> rows(const std::string& sql) {
    return test::stored_rows(db->uri(), sql);
  }
};

// Every column of every row of every table the writer fills, ids included.
const std::vector<std::string> kTables = {
    "SELECT * FROM providers ORDER BY id",
    "SELECT * FROM topics ORDER BY id",
    "SELECT * FROM articles ORDER BY id",
    "SELECT * FROM article_topics ORDER BY article_id, topic_id",
    "SELECT * FROM images ORDER BY article_id, position",
    "SELECT * FROM related ORDER BY article_id, position",
    "SELECT * FROM import_files ORDER BY path",
    "SELECT * FROM import_errors ORDER BY id",
};

void check_same_tables(Target& a, Target& b) {
  for (const std::string& sql : kTables) {
    auto left = a.rows(sql);
    auto right = b.rows(sql);
    INFO(sql);
    CHECK(left.size() == right.size());
    for (std::size_t i = 0; i < std::min(left.size(), right.size()); ++i) {
      if (left[i] != right[i]) {
        INFO("row " << i);
        CHECK(left[i] == right[i]);
        break;
      }
    }
  }
}

std::int64_t count(Target& t, const std::string& sql) {
  return std::stoll(t.rows(sql).at(0));
}

}  // namespace

TEST_CASE("PostgreSQL: final rows store what the staging tables store, byte for byte",
          "[store][postgresql]") {
  Target direct(true);
  Target staged(false);
  if (!direct.db) return;

  // Both ways count alike, batch by batch; only the direct writer writes final rows: the new
  // URLs with an ASCII vector (of URLs 0..9 and 20 the last record, which keeps its vector's
  // kind).
  std::vector<WriteCounts> counts;
  for (const auto& batch : {large_batch(), small_batch(), large_batch()}) {
    counts.push_back(direct.write(batch));
    CHECK(counts.back() == staged.write(batch));
  }
  CHECK(direct.writer->written_directly() == ascii_among(0, 120) + ascii_among(200, 205));
  CHECK(staged.writer->written_directly() == 0);
  CHECK(count(direct, "SELECT count(*) FROM articles") == 125);
  // Every kind of row is there to compare.
  CHECK(count(direct, "SELECT count(*) FROM images") > 0);
  CHECK(count(direct, "SELECT count(*) FROM related WHERE provider_name IS NULL") > 0);
  CHECK(count(direct, "SELECT count(*) FROM articles WHERE provider_id IS NULL") > 0);
  CHECK(count(direct, "SELECT count(*) FROM articles WHERE secured IS NOT NULL") > 0);
  check_same_tables(direct, staged);

  // The third batch (the first again) finds the first's final rows unchanged: their content
  // hashes are what staging computes. Updated: URLs 50..54 (revised by the second batch), 0..9
  // but 3 (v1, then v2, against v2 stored: 2 each), 3 (v1 as stored, then 2) and 20 (v1, v2, v3
  // against v3: 3). Unchanged: the 104 other URLs and URL 3's first record.
  CHECK(counts[2].added == 0);
  CHECK(counts[2].updated == 5 + 18 + 2 + 3);
  CHECK(counts[2].unchanged == 120 - 5 - 10 - 1 + 1);
}

namespace {

// Another writer's version of `url`, inserted (and committed) from a connection of its own.
void insert_theirs(const test::PgDatabase& db, const std::string& url) {
  auto other = db.connect();
  auto r = other.exec(
      "INSERT INTO articles (url, title, content_hash, first_seen_at, updated_at) "
      "VALUES ($1, 'theirs', 'their hash', 1, 1)",
      postgres::Params().add(url));
  if (!r) FAIL(r.error().message);
}

}  // namespace

TEST_CASE("PostgreSQL: final rows that lose a race to another writer go through staging",
          "[store][postgresql]") {
  // Another writer inserts URL 1 (ASCII, so a final row) after the prelude drew an id for it.
  const std::string raced = url_of(1);
  auto race = [&](Target& t) {
    t.writer->set_after_prelude([&t, raced, fired = false]() mutable {
      if (!std::exchange(fired, true)) insert_theirs(*t.db, raced);
    });
  };

  SECTION("a large batch: the raced part again, the other as it was") {
    Target direct(true);
    Target staged(false);
    if (!direct.db) return;
    race(direct);
    race(staged);
    // URL 1 is counted against their version (its first record differs: updated, then its
    // later ones as ever); every other URL is added as without the race.
    auto counts = direct.write(large_batch());
    CHECK(counts.added == 119);
    CHECK(counts.updated == 1 + 11 + 2);  // URL 1's first; 0..9 revised, 3 back; 20's v2, v3
    CHECK(counts.unchanged == 0);
    CHECK(staged.write(large_batch()) == counts);
    CHECK(direct.rows("SELECT title FROM articles WHERE url = 'https://rows.test/story/1'") ==
          std::vector<std::string>{"Plain story 1 v2"});
    // Only the part without URL 1 was written as final rows.
    const std::size_t raced_part = postgres::url_part(raced, 2);
    int others = 0;
    for (int i = 0; i < 120; ++i) {
      others += ascii_vector(i) && postgres::url_part(url_of(i), 2) != raced_part;
    }
    CHECK(others > 0);
    CHECK(direct.writer->written_directly() == others);
    // And what it wrote is what staging alone writes, ids included.
    check_same_tables(direct, staged);
  }

  SECTION("a small batch: the whole transaction again, through staging") {
    Target direct(true);
    if (!direct.db) return;
    std::vector<ParsedFile> batch;
    for (int i = 1; i < 5; ++i) batch.push_back(file(std::to_string(i) + ".md", {make_article(i)}));
    race(direct);
    auto counts = direct.write(batch);
    CHECK(counts.added == 3);
    CHECK(counts.updated == 1);
    CHECK(counts.unchanged == 0);
    CHECK(direct.writer->written_directly() == 0);
    CHECK(direct.rows("SELECT title FROM articles ORDER BY url") ==
          std::vector<std::string>{"Plain story 1", "Plain story 2", "Plain story 3",
                                   "Plain story 4"});
    CHECK(count(direct, "SELECT count(*) FROM article_topics") == 6);  // 2 keys; none for 2
    CHECK(count(direct, "SELECT count(*) FROM import_files") == 4);
  }
}

namespace {

// Each article's rows by URL (ids differ between writers that race), children included.
const std::vector<std::string> kTablesByUrl = {
    "SELECT a.url, a.title, a.excerpt, a.body, a.published_at, a.category_key, a.quality, "
    "a.provider_extra, a.topics, a.extra, a.content_hash, a.search, a.first_seen_at, "
    "a.updated_at, p.name, p.domain FROM articles a LEFT JOIN providers p ON p.id = a.provider_id "
    "ORDER BY a.url",
    "SELECT a.url, t.name, at.position, at.published_at FROM article_topics at JOIN articles a "
    "ON a.id = at.article_id JOIN topics t ON t.id = at.topic_id ORDER BY a.url, at.position",
    "SELECT a.url, i.position, i.url, i.width, i.is_cached, i.extra FROM images i JOIN articles a "
    "ON a.id = i.article_id ORDER BY a.url, i.position",
    "SELECT a.url, r.position, r.url, r.title, r.doc FROM related r JOIN articles a "
    "ON a.id = r.article_id ORDER BY a.url, r.position",
};

}  // namespace

TEST_CASE("PostgreSQL: writers of one corpus at once add each article exactly once",
          "[store][postgresql]") {
  // Four writers, the same batches in the same order at once: their preludes draw ids for the
  // same new URLs, so all but one of each URL's final rows lose the race and go through staging.
  constexpr int kWriters = 4;
  constexpr int kArticles = 300;
  Target reference(false);
  if (!reference.db) return;
  std::vector<std::vector<ParsedFile>> batches;
  for (int at = 0, size = 100; at < kArticles; at += size, size = size == 100 ? 30 : 100) {
    std::vector<ParsedFile> batch;
    for (int i = at; i < std::min(kArticles, at + size); ++i) {
      batch.push_back(file("f/" + std::to_string(i) + ".md", {make_article(i)}));
    }
    batches.push_back(std::move(batch));
  }
  for (const auto& batch : batches) reference.write(batch);

  Target shared(true);
  std::vector<std::thread> threads;
  std::vector<Result<WriteCounts>> totals(kWriters, WriteCounts{});
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      auto conn = shared.db->connect();
      postgres::PgArticleWriter writer(conn, shared.db->uri());
      Result<WriteCounts>& total = totals[static_cast<std::size_t>(w)];
      for (const auto& batch : batches) {
        auto counts = writer.write_batch(batch, kNow);
        if (!counts) {
          total = std::unexpected(counts.error());
          return;
        }
        *total += *counts;
      }
    });
  }
  for (auto& t : threads) t.join();
  WriteCounts sum;
  for (const auto& total : totals) {
    REQUIRE(total.has_value());
    sum += *total;
  }
  CHECK(sum.added == kArticles);
  CHECK(sum.updated == 0);
  CHECK(sum.unchanged == (kWriters - 1) * kArticles);
  for (const std::string& sql : kTablesByUrl) {
    INFO(sql);
    CHECK(shared.rows(sql) == reference.rows(sql));
  }
}
