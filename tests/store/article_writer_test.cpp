// The writers: what they store, how they count, how they replace. Behaviour checks run on every
// backend of the run and read back through the reader; checks of SQLite's own tables (plain SQL,
// FTS5) stay SQLite's (PostgreSQL's are in postgres_writer_test.cpp).
#include <catch2/catch.hpp>
#include <map>
#include <newsdb/store.hpp>

#include "store/parsed_file.hpp"
#include "store/writer_fixtures.hpp"
#include "support/backends.hpp"
#include "support/store_sql.hpp"

using namespace newsdb;
using test::article;
using test::at;
using test::file;

namespace {

// Every field of the format set, unknown fields at every level, two spellings of one topic.
Article full_article() {
  Article a = article("https://example.com/news/1", "Thousands of GPUs");
  a.excerpt = "An excerpt, with \"quotes\"";
  a.published_date_time = at(1700802720);  // 2023-11-24T05:12:00Z
  a.web_url = "https://example.com/news/1?utm_source=x";
  a.amp_web_url = "https://example.com/news/1/amp/";
  a.cdn_amp_web_url = "https://example-com.cdn.ampproject.org/c/s/example.com/news/1/amp/";
  a.category = "News";
  a.type = "Article";
  a.quality = -74;
  a.heat = 9'000'000'000;
  a.published = true;
  a.provider = Provider{"Beebom", "beebom.com", Json::parse(R"({"images":[{"url":"u"}]})")};
  a.topics = {"AI Hardware", "AI", "ai"};
  a.images = {Image{"https://img/1.jpg", 1250, 750, true, Json::parse(R"({"title":"t"})")},
              Image{"https://img/2.jpg", std::nullopt, 0, std::nullopt, Json::object()}};
  RelatedArticle r;
  r.title = "Related one";
  r.web_url = "https://Other.example.org:443/story#frag";
  r.published_date_time = at(1701191580);  // 2023-11-28T17:13:00Z
  r.provider = Provider{"HotHardware", "hothardware.com", Json::object()};
  r.quality = 69;
  r.extra = Json::parse(R"({"tags":["x"]})");
  a.related = {r};
  a.secured = "gLoiu/6oweARx+==;gp3pE/5Rkz==";
  a.extra = Json::parse(R"({"locale":"en-US","updatedDateTime":"2023-11-25"})");
  a.body = "Body text\n\nwith paragraphs.";
  return a;
}

// The stored article at `url` (FAILs when it is missing).
StoredArticle stored(Store& store, const std::string& url) {
  auto found = store.reader().get_by_url(url);
  if (!found) FAIL(found.error().message);
  if (!*found) FAIL("no stored article " << url);
  return **found;
}

// The canonical URLs the full-text search finds for `words`.
std::vector<std::string> searched(Store& store, const std::string& words) {
  Query q;
  q.filter.text = words;
  q.sort = SortOrder::kRelevance;
  q.limit = 0;
  auto found = store.reader().find(q);
  if (!found) FAIL(found.error().message);
  std::vector<std::string> urls;
  for (const auto& a : *found) urls.push_back(a.article.canonical_url);
  return urls;
}

std::vector<FacetCount> facet(Store& store, Facet which) {
  auto counts = store.reader().facet(which, Filter{}, 0);
  if (!counts) FAIL(counts.error().message);
  return *counts;
}

// One URL in three files: a first version, then a second (with a topic) twice.
std::vector<ParsedFile> one_url_three_times() {
  auto v1 = article("https://e.com/x", "First version");
  auto v2 = article("https://e.com/x", "Second version");
  v2.topics = {"Late"};
  return {file("1.md", {v1}), file("2.md", {v2}), file("3.md", {v2})};
}

// Three articles sharing provider names (two Beebom domains) and one topic in two spellings.
std::vector<ParsedFile> shared_names() {
  auto a = article("https://e.com/a", "A");
  a.provider = Provider{"Beebom", "beebom.com", Json::object()};
  a.topics = {"Énergie", "AI"};
  auto b = article("https://e.com/b", "B");
  b.provider = Provider{"Beebom", "beebom.com", Json::object()};
  b.topics = {"éNERGIE"};
  auto c = article("https://e.com/c", "C");
  c.provider = Provider{"Beebom", "beebom.org", Json::object()};
  return {file("1.md", {a}), file("2.md", {b, c})};
}

enum class EvenExcerpts { kWith, kWithout };

// Round `round` of fifty articles (https://e.com/0..49) titled "Title I roundR", the even ones
// with the excerpt "even excerpt" or without one.
std::vector<ParsedFile> fifty_titles(int round, EvenExcerpts excerpts) {
  std::vector<Article> articles;
  for (int i = 0; i < 50; ++i) {
    auto a = article("https://e.com/" + std::to_string(i),
                     "Title " + std::to_string(i) + " round" + std::to_string(round));
    if (i % 2 == 0 && excerpts == EvenExcerpts::kWith) a.excerpt = "even excerpt";
    articles.push_back(a);
  }
  return {file("all.ndjson", articles)};
}

}  // namespace

TEST_CASE("every field of an article is stored", "[store][sqlite][writer]") {
  test::FreshStore fresh("sqlite");
  auto counts = fresh.store().writer().write_batch(
      std::vector{file("a.md", {full_article()})}, at(1'800'000'000));
  REQUIRE(counts.has_value());
  CHECK(*counts == WriteCounts{1, 0, 0});

  test::SqlView sql(fresh.spec());
  CHECK(sql.rows("SELECT url, title, excerpt, body, published_at, original_url, web_url, "
                 "amp_web_url, cdn_amp_web_url, category, category_key, type, type_key, quality, "
                 "heat, published, secured, extra, source_path, first_seen_at, updated_at "
                 "FROM articles") ==
        std::vector<std::string>{
            "https://example.com/news/1|Thousands of GPUs|An excerpt, with \"quotes\"|"
            "Body text\n\nwith paragraphs.|1700802720|https://example.com/news/1|"
            "https://example.com/news/1?utm_source=x|https://example.com/news/1/amp/|"
            "https://example-com.cdn.ampproject.org/c/s/example.com/news/1/amp/|News|news|"
            "Article|article|-74|9000000000|1|gLoiu/6oweARx+==;gp3pE/5Rkz==|"
            R"({"locale":"en-US","updatedDateTime":"2023-11-25"})"
            "|a.md|1800000000|1800000000"});
  CHECK(sql.rows("SELECT p.name, p.domain, p.name_key, p.domain_key, a.provider_extra "
                 "FROM articles a JOIN providers p ON p.id = a.provider_id") ==
        std::vector<std::string>{R"(Beebom|beebom.com|beebom|beebom.com|{"images":[{"url":"u"}]})"});
  // The list exactly as written; one index row per folded key, the first spelling named.
  CHECK(sql.text("SELECT topics FROM articles") == R"(["AI Hardware","AI","ai"])");
  CHECK(sql.text("SELECT topics_text FROM articles") == "AI Hardware\nAI\nai");
  CHECK(sql.rows("SELECT t.name, t.name_key, at.position, at.published_at FROM article_topics at "
                 "JOIN topics t ON t.id = at.topic_id ORDER BY at.position") ==
        std::vector<std::string>{"AI Hardware|ai hardware|0|1700802720", "AI|ai|1|1700802720"});
  CHECK(sql.rows("SELECT position, url, width, height, is_cached, extra FROM images "
                 "ORDER BY position") ==
        std::vector<std::string>{R"(0|https://img/1.jpg|1250|750|1|{"title":"t"})",
                                 "1|https://img/2.jpg|NULL|0|NULL|NULL"});
  CHECK(sql.rows("SELECT position, url, title, published_at, provider_name, provider_domain, doc "
                 "FROM related") ==
        std::vector<std::string>{
            "0|https://other.example.org/story|Related one|1701191580|HotHardware|hothardware.com|"
            R"({"title":"Related one","publishedDateTime":"2023-11-28T17:13:00Z",)"
            R"("webUrl":"https://Other.example.org:443/story#frag","quality":69,)"
            R"("provider":{"name":"HotHardware","domain":"hothardware.com"},"tags":["x"]})"});
  CHECK(sql.integer("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'paragraphs'") ==
        1);
  CHECK(sql.integer("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'hardware'") == 1);
}

TEST_CASE("absent optional fields are stored as NULL, not as empty values", "[store][sqlite][writer]") {
  test::FreshStore fresh("sqlite");
  REQUIRE(fresh.store().writer().write_batch(
      std::vector{file("a.md", {article("https://e.com/1", "Only a title")})}, at(1)));
  test::SqlView sql(fresh.spec());
  CHECK(sql.rows("SELECT excerpt, body, published_at, web_url, category, category_key, quality, "
                 "heat, published, provider_id, provider_extra, secured, topics, extra "
                 "FROM articles") ==
        std::vector<std::string>{"NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|"
                                 "NULL|NULL"});
  CHECK(sql.integer("SELECT count(*) FROM images") == 0);
}

TEST_CASE("re-writing counts articles as unchanged, updated or added", "[store][writer]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend);
      ArticleWriter& writer = fresh.store().writer();
      auto a = article("https://e.com/a", "A");
      auto b = article("https://e.com/b", "B");
      auto first = writer.write_batch(std::vector{file("1.md", {a, b})}, at(1));
      REQUIRE(first);
      CHECK(*first == WriteCounts{2, 0, 0});

      auto same = writer.write_batch(std::vector{file("1.md", {a, b})}, at(2));
      REQUIRE(same);
      CHECK(*same == WriteCounts{0, 0, 2});

      b.heat = 7;
      auto c = article("https://e.com/c", "C");
      auto edited = writer.write_batch(std::vector{file("1.md", {a, b, c})}, at(3));
      REQUIRE(edited);
      CHECK(*edited == WriteCounts{1, 1, 1});
    }
  }
}

TEST_CASE("the last record of a URL wins within a batch, counted in input order",
          "[store][writer]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend);
      auto batch = one_url_three_times();
      auto counts = fresh.store().writer().write_batch(batch, at(1));
      REQUIRE(counts);
      CHECK(*counts == WriteCounts{1, 1, 1});  // added, then changed, then the same again
      CHECK(stored(fresh.store(), "https://e.com/x").article == batch[2].articles[0]);
      CHECK(searched(fresh.store(), "first").empty());  // only the survivor is indexed
      CHECK(searched(fresh.store(), "second") == std::vector<std::string>{"https://e.com/x"});
      auto topics = facet(fresh.store(), Facet::kTopic);
      REQUIRE(topics.size() == 1);
      CHECK(topics[0].name == "Late");
      CHECK(topics[0].count == 1);
    }
  }
}

TEST_CASE("SQLite: the last record of a URL is the one row, indexed alone",
          "[store][sqlite][writer]") {
  test::FreshStore fresh("sqlite");
  REQUIRE(fresh.store().writer().write_batch(one_url_three_times(), at(1)));
  test::SqlView sql(fresh.spec());
  CHECK(sql.rows("SELECT title, source_path FROM articles") ==
        std::vector<std::string>{"Second version|3.md"});
  CHECK(sql.integer("SELECT count(*) FROM article_topics") == 1);
  // Only the survivor was indexed.
  CHECK(sql.integer("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'first'") == 0);
  CHECK(sql.integer("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'second'") == 1);
}

// The article of full_article(), edited: every part that an update must replace changed.
Article edited_article() {
  Article edited = full_article();
  edited.title = "Rewritten headline";
  edited.body = std::nullopt;
  edited.topics = {"Chips"};
  edited.images.pop_back();
  edited.related.clear();
  edited.provider = Provider{"Other", "other.org", Json::object()};
  return edited;
}

TEST_CASE("an update replaces the article whole: topics, images, related, provider, search",
          "[store][writer]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend);
      ArticleWriter& writer = fresh.store().writer();
      REQUIRE(writer.write_batch(std::vector{file("a.md", {full_article()})}, at(1)));
      Article edited = edited_article();
      auto counts = writer.write_batch(std::vector{file("a.md", {edited})}, at(2));
      REQUIRE(counts);
      CHECK(*counts == WriteCounts{0, 1, 0});

      CHECK(stored(fresh.store(), edited.canonical_url).article == edited);
      for (const char* gone : {"thousands", "paragraphs", "hardware"}) {
        INFO(gone);
        CHECK(searched(fresh.store(), gone).empty());
      }
      for (const char* found : {"rewritten", "chips"}) {
        INFO(found);
        CHECK(searched(fresh.store(), found) == std::vector<std::string>{edited.canonical_url});
      }
      auto topics = facet(fresh.store(), Facet::kTopic);
      REQUIRE(topics.size() == 1);
      CHECK(topics[0].name == "Chips");
      auto providers = facet(fresh.store(), Facet::kProvider);
      REQUIRE(providers.size() == 1);  // the old provider has no article left
      CHECK(providers[0].name == "Other");
      auto stats = fresh.store().reader().stats(5);
      REQUIRE(stats);
      CHECK(stats->images == 1);
      CHECK(stats->related_entries == 0);
      CHECK(stats->with_body == 0);
    }
  }
}

TEST_CASE("SQLite: an update replaces topics, images, related entries and indexed text",
          "[store][sqlite][writer]") {
  test::FreshStore fresh("sqlite");
  ArticleWriter& writer = fresh.store().writer();
  REQUIRE(writer.write_batch(std::vector{file("a.md", {full_article()})}, at(1)));
  REQUIRE(writer.write_batch(std::vector{file("a.md", {edited_article()})}, at(2)));

  test::SqlView sql(fresh.spec());
  CHECK(sql.rows("SELECT title, body, topics, first_seen_at, updated_at FROM articles") ==
        std::vector<std::string>{R"(Rewritten headline|NULL|["Chips"]|1|2)"});
  CHECK(sql.rows("SELECT t.name FROM article_topics at JOIN topics t ON t.id = at.topic_id") ==
        std::vector<std::string>{"Chips"});
  CHECK(sql.integer("SELECT count(*) FROM images") == 1);
  CHECK(sql.integer("SELECT count(*) FROM related") == 0);
  CHECK(sql.text("SELECT p.name FROM articles a JOIN providers p ON p.id = a.provider_id") ==
        "Other");
  for (const char* gone : {"thousands", "paragraphs", "hardware"}) {
    INFO(gone);
    CHECK(sql.integer("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?1", {gone}) ==
          0);
  }
  CHECK(sql.integer("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'rewritten'") ==
        1);
  CHECK(sql.integer("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'chips'") == 1);
}

TEST_CASE("search finds each article's current text after many updates", "[store][writer]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend);
      for (int round = 0; round < 3; ++round) {
        auto excerpts = round < 2 ? EvenExcerpts::kWith : EvenExcerpts::kWithout;
        REQUIRE(fresh.store().writer().write_batch(fifty_titles(round, excerpts), at(round)));
      }
      CHECK(searched(fresh.store(), "round0").empty());
      CHECK(searched(fresh.store(), "round1").empty());
      CHECK(searched(fresh.store(), "round2").size() == 50);
      CHECK(searched(fresh.store(), "even").empty());  // the last round dropped the excerpts
      CHECK(searched(fresh.store(), "title 7 round2") ==
            std::vector<std::string>{"https://e.com/7"});
    }
  }
}

TEST_CASE("the full-text index matches the articles after many updates",
          "[store][sqlite][writer]") {
  test::FreshStore fresh("sqlite");
  ArticleWriter& writer = fresh.store().writer();
  for (int round = 0; round < 3; ++round) {
    REQUIRE(writer.write_batch(fifty_titles(round, EvenExcerpts::kWith), at(round)));
  }
  // FTS5's own check compares the index with the external content table, row by row.
  auto db = sqlite::Database::open(fresh.spec(), sqlite::Database::Access::kReadWrite);
  REQUIRE(db);
  auto check = db->exec("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')");
  INFO((check ? std::string() : check.error().message));
  CHECK(check.has_value());
  test::SqlView sql(fresh.spec());
  CHECK(sql.integer("SELECT count(*) FROM articles") == 50);
  CHECK(sql.integer("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'round0'") == 0);
  CHECK(sql.integer("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'round2'") == 50);
  CHECK(sql.integer("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'even'") == 25);
}

TEST_CASE("providers and topics are shared between articles, topics by folded name",
          "[store][writer]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend);
      REQUIRE(fresh.store().writer().write_batch(shared_names(), at(1)));
      // One topic under its first spelling, counted twice; each article keeps its own spelling.
      auto topics = facet(fresh.store(), Facet::kTopic);
      REQUIRE(topics.size() == 2);
      CHECK(topics[0].name == "Énergie");
      CHECK(topics[0].count == 2);
      CHECK(topics[1].name == "AI");
      CHECK(topics[1].count == 1);
      CHECK(stored(fresh.store(), "https://e.com/b").article.topics ==
            std::vector<std::string>{"éNERGIE"});
      // A provider is a (name, domain) pair.
      auto providers = facet(fresh.store(), Facet::kProvider);
      REQUIRE(providers.size() == 2);
      CHECK(providers[0].domain == "beebom.com");
      CHECK(providers[0].count == 2);
      CHECK(providers[1].domain == "beebom.org");
      CHECK(providers[1].count == 1);
    }
  }
}

TEST_CASE("SQLite: providers and topics are one row each, topics keyed by folded name",
          "[store][sqlite][writer]") {
  test::FreshStore fresh("sqlite");
  REQUIRE(fresh.store().writer().write_batch(shared_names(), at(1)));
  test::SqlView sql(fresh.spec());
  CHECK(sql.rows("SELECT name, domain FROM providers ORDER BY id") ==
        std::vector<std::string>{"Beebom|beebom.com", "Beebom|beebom.org"});
  CHECK(sql.rows("SELECT name, name_key FROM topics ORDER BY id") ==
        std::vector<std::string>{"Énergie|énergie", "AI|ai"});
  CHECK(sql.integer("SELECT count(*) FROM article_topics at JOIN topics t ON t.id = at.topic_id "
                    "WHERE t.name_key = 'énergie'") == 2);
  CHECK(sql.text("SELECT topics FROM articles WHERE url = 'https://e.com/b'") ==
        R"(["éNERGIE"])");
}

TEST_CASE("a failed batch leaves nothing behind and the next batch still works",
          "[store][writer]") {
  // A trigger made by another connection makes the second article's write fail, as the store
  // fails (SQLite: the transaction is ended, as after an I/O error; PostgreSQL: an error that is
  // no record's refusal). A record the store refuses is another story: refused_record_test.cpp.
  const std::map<std::string, std::string> boom_trigger = {
      {"sqlite",
       "CREATE TRIGGER boom BEFORE INSERT ON articles WHEN NEW.title = 'boom' "
       "BEGIN SELECT RAISE(ROLLBACK, 'boom'); END"},
      {"postgresql",
       "CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
       "IF NEW.title = 'boom' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$; "
       "CREATE TRIGGER boom BEFORE INSERT ON articles FOR EACH ROW EXECUTE FUNCTION boom()"}};
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend);
      test::exec_sql(fresh.spec(), boom_trigger.at(backend));
      ArticleWriter& writer = fresh.store().writer();
      auto good = article("https://e.com/good", "good");
      good.topics = {"Fresh topic"};
      good.provider = Provider{"Fresh", "fresh.example", Json::object()};
      auto failed = writer.write_batch(
          std::vector{file("1.md", {good}), file("2.md", {article("https://e.com/bad", "boom")})},
          at(1));
      REQUIRE_FALSE(failed);
      CHECK_THAT(failed.error().message, Catch::Contains("boom"));

      using Rows = std::vector<std::string>;
      const std::string& db = fresh.spec();
      CHECK(test::stored_rows(db, "SELECT count(*) FROM articles") == Rows{"0"});
      CHECK(test::stored_rows(db, "SELECT count(*) FROM topics") == Rows{"0"});
      CHECK(test::stored_rows(db, "SELECT count(*) FROM import_files") == Rows{"0"});

      // The ids cached during the failed batch must not be reused (foreign keys would refuse
      // them).
      auto retried = writer.write_batch(std::vector{file("1.md", {good})}, at(2));
      REQUIRE(retried);
      CHECK(*retried == WriteCounts{1, 0, 0});
      CHECK(test::stored_rows(db,
                              "SELECT t.name FROM article_topics at JOIN topics t "
                              "ON t.id = at.topic_id") == Rows{"Fresh topic"});
      CHECK(test::stored_rows(db,
                              "SELECT p.domain FROM articles a JOIN providers p "
                              "ON p.id = a.provider_id") == Rows{"fresh.example"});
    }
  }
}

TEST_CASE("import records are written with an input's last part and looked up by path",
          "[store][writer]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend);
      ArticleWriter& writer = fresh.store().writer();
      ImportLog& log = fresh.store().import_log();
      ParsedFile first = file("big.ndjson", {article("https://e.com/1", "One")});
      first.last_part = false;
      ParsedFile last = file("big.ndjson", {article("https://e.com/2", "Two")});
      last.first_part = false;
      last.record = ImportRecord{"big.ndjson", 1234, 99, "abc", FileOutcome::kImported, 2};
      ParsedFile skipped = file("notes.txt", {});
      skipped.record.outcome = FileOutcome::kSkipped;

      REQUIRE(writer.write_batch(std::vector{first}, at(1)));
      std::vector<std::string> paths{"big.ndjson", "notes.txt", "never-seen.md"};
      auto before = log.lookup(paths);
      REQUIRE(before);
      CHECK_FALSE((*before)[0].has_value());  // not finished yet: the next import reads it again

      REQUIRE(writer.write_batch(std::vector{last, skipped}, at(2)));
      auto after = log.lookup(paths);
      REQUIRE(after);
      REQUIRE(after->size() == 3);
      CHECK((*after)[0] == ImportRecord{"big.ndjson", 1234, 99, "abc", FileOutcome::kImported, 2});
      REQUIRE((*after)[1].has_value());
      CHECK((*after)[1]->outcome == FileOutcome::kSkipped);
      CHECK_FALSE((*after)[2].has_value());
    }
  }
}

TEST_CASE("a failed input's errors are listed until it imports cleanly", "[store][writer]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend);
      ArticleWriter& writer = fresh.store().writer();
      ImportLog& log = fresh.store().import_log();
      ParsedFile bad = file("bad.ndjson", {article("https://e.com/ok", "Good line")});
      bad.record.outcome = FileOutcome::kFailed;
      bad.diagnostics = {
          Diagnostic{"bad.ndjson", 2, 7, "quality", "quality: expected an integer, got \"high\""},
          Diagnostic{"bad.ndjson", 3, 0, "", "a warning is not recorded", Severity::kWarning},
          Diagnostic{"bad.ndjson", 4, 1, "", "invalid JSON"}};
      ParsedFile good = file("good.md", {article("https://e.com/g", "G")});
      auto counts = writer.write_batch(std::vector{bad, good}, at(1));
      REQUIRE(counts);
      CHECK(*counts == WriteCounts{2, 0, 0});  // the good record of the bad file is kept

      auto failed = log.failed_inputs();
      REQUIRE(failed);
      REQUIRE(failed->size() == 1);
      CHECK((*failed)[0].path == "bad.ndjson");
      CHECK((*failed)[0].diagnostics ==
            std::vector<Diagnostic>{
                Diagnostic{"bad.ndjson", 2, 7, "quality",
                           "quality: expected an integer, got \"high\""},
                Diagnostic{"bad.ndjson", 4, 1, "", "invalid JSON"}});

      // Failing again replaces the old diagnostics instead of adding to them.
      bad.diagnostics = {Diagnostic{"bad.ndjson", 9, 9, "", "still broken"}};
      REQUIRE(writer.write_batch(std::vector{bad}, at(2)));
      failed = log.failed_inputs();
      REQUIRE(failed);
      REQUIRE(failed->size() == 1);
      CHECK((*failed)[0].diagnostics.size() == 1);
      CHECK((*failed)[0].diagnostics[0].message == "still broken");

      ParsedFile fixed = file("bad.ndjson", {article("https://e.com/ok", "Good line")});
      REQUIRE(writer.write_batch(std::vector{fixed}, at(3)));
      failed = log.failed_inputs();
      REQUIRE(failed);
      CHECK(failed->empty());
    }
  }
}

TEST_CASE("an input with unchanged content only refreshes its record", "[store][writer]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend);
      ArticleWriter& writer = fresh.store().writer();
      ImportLog& log = fresh.store().import_log();
      REQUIRE(writer.write_batch(
          std::vector{file("a.md", {article("https://e.com/a", "A")})}, at(1)));
      ParsedFile touched;
      touched.record = ImportRecord{"a.md", 100, 555, "hash-of-a.md", FileOutcome::kImported, 1};
      touched.content = ContentState::kUnchanged;
      auto counts = writer.write_batch(std::vector{touched}, at(2));
      REQUIRE(counts);
      CHECK(*counts == WriteCounts{});
      std::vector<std::string> paths{"a.md"};
      auto record = log.lookup(paths);
      REQUIRE(record);
      REQUIRE((*record)[0].has_value());
      CHECK((*record)[0]->mtime_ns == 555);
      CHECK((*record)[0]->articles == 1);
    }
  }
}

TEST_CASE("an untracked input (stdin) keeps no record but its errors are listed",
          "[store][writer]") {
  for (const auto& backend : test::backends()) {
    DYNAMIC_SECTION(backend) {
      test::FreshStore fresh(backend);
      ArticleWriter& writer = fresh.store().writer();
      ImportLog& log = fresh.store().import_log();
      ParsedFile in = file("<stdin>", {article("https://e.com/s", "S")});
      in.tracked = false;
      in.record.outcome = FileOutcome::kFailed;
      in.diagnostics = {Diagnostic{"<stdin>", 3, 1, "", "invalid JSON"}};
      auto counts = writer.write_batch(std::vector{in}, at(1));
      REQUIRE(counts);
      CHECK(*counts == WriteCounts{1, 0, 0});
      CHECK(test::stored_rows(fresh.spec(), "SELECT count(*) FROM import_files") ==
            std::vector<std::string>{"0"});
      auto failed = log.failed_inputs();
      REQUIRE(failed);
      REQUIRE(failed->size() == 1);
      CHECK((*failed)[0].path == "<stdin>");
    }
  }
}
