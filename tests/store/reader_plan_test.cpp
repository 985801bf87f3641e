// The reader's questions are answered from indexes: EXPLAIN QUERY PLAN pins which, and SQLite's
// own step counter shows newest-20 stops after about 20 rows instead of visiting every match.
#include <sqlite3.h>

#include <map>
#include <set>

#include <catch2/catch.hpp>

#include "store/reader_fixture.hpp"
#include "store/sqlite/database.hpp"
#include "store/sqlite/query_plan.hpp"

using namespace newsdb;
using namespace newsdb::test;
using newsdb::sqlite::Database;

namespace {

Database open_fixture() {
  auto db = Database::open(ReaderFixture::get().path(), Database::Access::kReadOnly);
  if (!db) throw std::runtime_error(db.error().message);
  return std::move(*db);
}

std::vector<std::string> plan_of(Database& db, const sqlite::BoundSql& sql) {
  sqlite::BoundSql explain;
  explain.sql("EXPLAIN QUERY PLAN ").append(sql);
  auto stmt = explain.prepare(db);
  if (!stmt) throw std::runtime_error(stmt.error().message);
  std::vector<std::string> details;
  for (;;) {
    auto row = stmt->step();
    if (!row || !*row) break;
    details.push_back(stmt->column_text(3));
  }
  return details;
}

// Runs `sql` to the end; returns (rows, virtual machine steps).
std::pair<std::int64_t, std::int64_t> run(Database& db, const sqlite::BoundSql& sql) {
  auto stmt = sql.prepare(db);
  if (!stmt) throw std::runtime_error(stmt.error().message);
  std::int64_t rows = 0;
  for (;;) {
    auto row = stmt->step();
    if (!row) throw std::runtime_error(row.error().message);
    if (!*row) break;
    ++rows;
  }
  return {rows, sqlite3_stmt_status(stmt->handle(), SQLITE_STMTSTATUS_VM_STEP, 0)};
}

bool any_of(const std::vector<std::string>& plan, const std::string& needle) {
  return std::any_of(plan.begin(), plan.end(),
                     [&](const std::string& line) { return line.find(needle) != std::string::npos; });
}

// A line that reads the articles table row by row: "SCAN a" alone, or through a non-covering
// index over all of it.
bool scans_articles(const std::vector<std::string>& plan) {
  for (const auto& line : plan) {
    if (line == "SCAN a" || line == "SCAN articles") return true;
  }
  return false;
}

std::string joined(const std::vector<std::string>& plan) {
  std::string out;
  for (const auto& l : plan) out += l + "\n";
  return out;
}

// How many fixture articles carry each topic (or provider domain), counted from the files.
std::map<std::string, std::int64_t> fixture_counts(bool topic) {
  std::map<std::string, std::int64_t> counts;
  for (const auto& a : ReaderFixture::get().articles()) {
    if (topic) {
      for (const auto& t : a.topics) ++counts[t];
    } else if (a.provider) {
      ++counts[a.provider->domain];
    }
  }
  return counts;
}

// The most common topic or provider, leaving out `except`.
std::string largest(bool topic, const std::set<std::string>& except = {}) {
  auto counts = fixture_counts(topic);
  std::erase_if(counts, [&](const auto& entry) { return except.contains(entry.first); });
  return std::max_element(counts.begin(), counts.end(),
                          [](const auto& x, const auto& y) { return x.second < y.second; })
      ->first;
}

}  // namespace

TEST_CASE("newest-20 per topic walks the (topic, date) index in order", "[store][reader][plan]") {
  Database db = open_fixture();
  Filter f;
  const std::string topic = largest(true);
  f.topics = {topic};
  auto resolved = sqlite::resolve(db, f);
  REQUIRE(resolved.has_value());
  auto sql = sqlite::find_sql(*resolved, SortOrder::kNewest, 20, 0);
  auto plan = plan_of(db, sql);
  INFO(joined(plan));
  CHECK(any_of(plan, "USING COVERING INDEX article_topics_by_topic (topic_id=?)"));
  CHECK(any_of(plan, "SEARCH a USING INTEGER PRIMARY KEY"));
  CHECK_FALSE(scans_articles(plan));
  CHECK_FALSE(any_of(plan, "USE TEMP B-TREE FOR ORDER BY"));  // only the tie-break part is sorted

  auto [rows, steps] = run(db, sql);
  const std::int64_t matches = fixture_counts(true).at(topic);
  INFO("rows " << rows << ", steps " << steps << ", articles with " << topic << ": " << matches);
  CHECK(rows == std::min<std::int64_t>(20, matches));
  {  // the fixture's generated corpus makes these counts meaningful
    // Visiting every article of the topic would take several times more steps.
    auto [all_rows, all_steps] = run(db, sqlite::find_sql(*resolved, SortOrder::kNewest, 0, 0));
    INFO("all rows " << all_rows << ", all steps " << all_steps);
    CHECK(all_rows > 100);
    CHECK(steps * 4 < all_steps);
  }
}

TEST_CASE("newest-20 per provider walks the (provider, date) index in order", "[store][reader][plan]") {
  Database db = open_fixture();
  Filter f;
  f.providers = {largest(false)};
  auto resolved = sqlite::resolve(db, f);
  REQUIRE(resolved.has_value());
  auto plan = plan_of(db, sqlite::find_sql(*resolved, SortOrder::kNewest, 20, 0));
  INFO(joined(plan));
  CHECK(any_of(plan, "USING INDEX articles_by_provider (provider_id=?)"));
  CHECK_FALSE(scans_articles(plan));
  CHECK_FALSE(any_of(plan, "USE TEMP B-TREE FOR ORDER BY"));
}

TEST_CASE("newest-20 overall and in a date range use the date index", "[store][reader][plan]") {
  Database db = open_fixture();
  Filter all;
  auto resolved = sqlite::resolve(db, all);
  REQUIRE(resolved.has_value());
  auto sql = sqlite::find_sql(*resolved, SortOrder::kNewest, 20, 0);
  auto plan = plan_of(db, sql);
  INFO(joined(plan));
  CHECK(any_of(plan, "USING INDEX articles_by_published"));
  CHECK_FALSE(scans_articles(plan));
  CHECK_FALSE(any_of(plan, "USE TEMP B-TREE FOR ORDER BY"));
  {  // the fixture's generated corpus makes these counts meaningful
    auto [rows, steps] = run(db, sql);
    auto [all_rows, all_steps] = run(db, sqlite::find_sql(*resolved, SortOrder::kNewest, 0, 0));
    INFO("steps " << steps << " for 20, " << all_steps << " for " << all_rows);
    CHECK(steps * 20 < all_steps);
  }

  Filter range;
  range.since = Timestamp(std::chrono::seconds(1'650'000'000));
  range.until = Timestamp(std::chrono::seconds(1'660'000'000));
  auto ranged = sqlite::resolve(db, range);
  REQUIRE(ranged.has_value());
  auto range_sql = sqlite::find_sql(*ranged, SortOrder::kNewest, 20, 0);
  auto range_plan = plan_of(db, range_sql);
  INFO(joined(range_plan));
  CHECK(any_of(range_plan, "USING INDEX articles_by_published (published_at>? AND published_at<?)"));
  CHECK_FALSE(any_of(range_plan, "USE TEMP B-TREE FOR ORDER BY"));  // only same-second ties
  {  // the fixture's generated corpus makes these counts meaningful
    // The window's newest 20 stop after about 20 index entries, however many the window holds:
    // its cost does not grow with the store (bench/ANALYSIS.md).
    auto [rows, steps] = run(db, range_sql);
    auto [all_rows, all_steps] = run(db, sqlite::find_sql(*ranged, SortOrder::kNewest, 0, 0));
    INFO("steps " << steps << " for " << rows << ", " << all_steps << " for " << all_rows);
    CHECK(rows == std::min<std::int64_t>(20, all_rows));
    CHECK(all_rows > 60);          // the fixture's window holds 111
    CHECK(steps * 2 < all_steps);  // sorting the whole window would take more than all_steps
  }
}

TEST_CASE("repeated topics walk each topic's index and merge short lists", "[store][reader][plan]") {
  Database db = open_fixture();
  Filter f;
  // Three different topics (the largest one other than the two named), so three index walks.
  f.topics = {"Ties", "Physics", largest(true, {"Ties", "Physics"})};
  auto resolved = sqlite::resolve(db, f);
  REQUIRE(resolved.has_value());
  auto plan = plan_of(db, sqlite::find_sql(*resolved, SortOrder::kNewest, 20, 0));
  INFO(joined(plan));
  CHECK(std::count_if(plan.begin(), plan.end(), [](const std::string& l) {
          return l.find("article_topics_by_topic (topic_id=?)") != std::string::npos;
        }) == 3);
  CHECK_FALSE(scans_articles(plan));
}

TEST_CASE("facet counts read indexes, not the articles table", "[store][reader][plan]") {
  Database db = open_fixture();
  Filter none;
  auto resolved = sqlite::resolve(db, none);
  REQUIRE(resolved.has_value());
  auto topics = plan_of(db, sqlite::facet_sql(Facet::kTopic, *resolved, 20));
  INFO(joined(topics));
  CHECK(any_of(topics, "COVERING INDEX article_topics_by_topic"));
  CHECK_FALSE(any_of(topics, " a "));  // the articles table is not even joined
  CHECK_FALSE(scans_articles(topics));
  auto providers = plan_of(db, sqlite::facet_sql(Facet::kProvider, *resolved, 20));
  INFO(joined(providers));
  CHECK(any_of(providers, "COVERING INDEX articles_by_provider"));
  CHECK_FALSE(scans_articles(providers));
  auto categories = plan_of(db, sqlite::facet_sql(Facet::kCategory, *resolved, 20));
  INFO(joined(categories));
  CHECK(any_of(categories, "COVERING INDEX articles_by_category"));
  CHECK_FALSE(scans_articles(categories));

  Filter topic;
  topic.topics = {largest(true)};
  auto under = sqlite::resolve(db, topic);
  REQUIRE(under.has_value());
  auto co = plan_of(db, sqlite::facet_sql(Facet::kTopic, *under, 20));
  INFO(joined(co));
  CHECK_FALSE(scans_articles(co));
}
