// `newsdb show`, `related`, facets, `stats`, `sql` and `export` as a user runs them, on every
// backend of the run (cli_store.hpp).
#include <catch2/catch.hpp>
#include <newsdb/article_json.hpp>
#include <newsdb/date.hpp>
#include <newsdb/document.hpp>

#include "cli/cli_store.hpp"

using namespace newsdb;
using namespace newsdb::test;

namespace {

std::string id_of(const CliStore& cli, const std::string& url) {
  auto ran = cli.run({"show", url, "--format", "json"});
  if (ran.status != 0) FAIL("show " << url << ": " << ran.err);
  return std::to_string(Json::parse(ran.out)["id"].get<std::int64_t>());
}

std::string lower(std::string s) {
  for (auto& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

}  // namespace

TEST_CASE("show finds an article by id or any variant of its URL", "[cli][show]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& cli = CliStore::get(backend);
      std::string id = id_of(cli, "https://www.lemonde.fr/food/cafe-culture-returns");
      for (const std::string& key :
           {id,
            std::string("HTTPS://www.LeMonde.fr:443/food/cafe-culture-returns?utm_source=a#b")}) {
        auto ran = cli.run({"show", key});
        INFO(key);
        REQUIRE(ran.status == 0);
        CHECK_THAT(ran.out, Catch::Contains("Café culture returns to Paris") &&
                                Catch::Contains("Le Monde (lemonde.fr)") &&
                                Catch::Contains("2024-03-05T09:00:00Z") &&
                                Catch::Contains("Food & Drink, Paris") &&
                                Catch::Contains("The espresso machines"));
      }
    }
  }
}

TEST_CASE("show exits 1 for an unknown article and 2 for something that is not one",
          "[cli][show]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& cli = CliStore::get(backend);
      auto missing = cli.run({"show", "987654"});
      CHECK(missing.status == 1);
      CHECK_THAT(missing.err, Catch::Contains("no article with id 987654"));
      auto missing_url = cli.run({"show", "https://nowhere.example/x"});
      CHECK(missing_url.status == 1);
      auto nonsense = cli.run({"show", "cafe"});
      CHECK(nonsense.status == 2);
      CHECK_THAT(nonsense.err, Catch::Contains("id"));
      auto related = cli.run({"related", "987654"});
      CHECK(related.status == 1);
    }
  }
}

TEST_CASE("show --format frontmatter and json give back the record, every field", "[cli][show]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& cli = CliStore::get(backend);
      for (const auto& expected : cli.articles()) {
        INFO(expected.canonical_url);
        auto fm = cli.run({"show", expected.canonical_url, "--format", "frontmatter"});
        REQUIRE(fm.status == 0);
        auto parsed = parse_input(fm.out, "shown.md", InputFormat::kFrontmatter);
        REQUIRE(parsed.articles.size() == 1);
        CHECK(parsed.articles[0] == expected);
        auto js = cli.run({"show", expected.canonical_url, "--format", "json"});
        REQUIRE(js.status == 0);
        auto from_json = article_from_json(Json::parse(js.out));
        REQUIRE(from_json.has_value());
        CHECK(*from_json == expected);
      }
    }
  }
}

TEST_CASE("export to a frontmatter folder, import it again: every article is the same",
          "[cli][export]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& cli = CliStore::get(backend);
      TempDir dir;
      auto folder = dir.path() / "exported";
      auto ran = cli.run({"export", "--format", "frontmatter", "--out", folder.string()});
      REQUIRE(ran.status == 0);
      CHECK_THAT(ran.err, Catch::Contains("Exported " + std::to_string(cli.articles().size())));
      // Re-import into a new store on the same backend, then show every article from it.
      FreshStore copy_store(backend);
      import_files(copy_store.store(), input_files({folder}));
      const std::string copy = copy_store.spec();
      auto again = deduplicated(parse_files(input_files({folder})));
      REQUIRE(again.size() == cli.articles().size());
      for (const auto& expected : cli.articles()) {
        INFO(expected.canonical_url);
        auto shown = run_cli({"--db", copy, "show", expected.canonical_url, "--format", "json"});
        REQUIRE(shown.status == 0);
        auto article = article_from_json(Json::parse(shown.out));
        REQUIRE(article.has_value());
        CHECK(*article == expected);
      }
    }
  }
}

TEST_CASE("export streams ndjson, json and csv to a file or stdout", "[cli][export]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& cli = CliStore::get(backend);
      TempDir dir;
      auto n = cli.articles().size();
      auto nd = cli.run({"export"});
      REQUIRE(nd.status == 0);
      CHECK(lines(nd.out).size() == n);
      auto csv_path = (dir.path() / "all.csv").string();
      auto csv = cli.run({"export", "--format", "csv", "--out", csv_path});
      REQUIRE(csv.status == 0);
      CHECK(csv_records(slurp(csv_path)).size() == n + 1);
      CHECK_FALSE(std::filesystem::exists(csv_path + ".partial"));
      auto js = cli.run({"export", "--format", "json", "--topic", "Ties"});
      REQUIRE(js.status == 0);
      CHECK(Json::parse(js.out).size() == 4);
      auto no_folder = cli.run({"export", "--format", "frontmatter"});
      CHECK(no_folder.status == 2);
      CHECK_THAT(no_folder.err, Catch::Contains("--out"));
    }
  }
}

TEST_CASE("facet commands count under filters and print [{name, count}]", "[cli][facets]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& cli = CliStore::get(backend);
      auto topics = cli.run({"topics", "--provider", "Tie Times", "--format", "json"});
      REQUIRE(topics.status == 0);
      CHECK(Json::parse(topics.out) == Json::parse(R"([{"name": "Ties", "count": 4}])"));
      auto providers = cli.run({"providers", "--topic", "Physics", "--format", "json"});
      REQUIRE(providers.status == 0);
      CHECK(Json::parse(providers.out) ==
            Json::parse(R"([{"name": "Rank Report", "count": 3, "domain": "rank.example"},
                            {"name": "Drafts", "count": 1, "domain": "drafts.example"}])"));
      auto categories = cli.run({"categories", "--limit", "1"});
      REQUIRE(categories.status == 0);
      auto rows = lines(categories.out);
      REQUIRE(rows.size() == 2);
      CHECK(rows[0] == "name\tcount");
      CHECK_THAT(lower(rows[1]), Catch::StartsWith("news\t"));
    }
  }
}

TEST_CASE("facet commands page with --offset and --limit, largest first", "[cli][facets]") {
  // The fixture's Physics articles: Rank Report has 3, Drafts 1 (the test above).
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& cli = CliStore::get(backend);
      auto names = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"providers", "--topic", "Physics", "--format", "json"});
        auto ran = cli.run(args);
        INFO(ran.err);
        REQUIRE(ran.status == 0);
        std::vector<std::string> out;
        for (const auto& row : Json::parse(ran.out)) out.push_back(row["name"]);
        return out;
      };
      using List = std::vector<std::string>;
      CHECK(names({"--offset", "1"}) == List{"Drafts"});
      CHECK(names({"--offset", "1", "--limit", "1"}) == List{"Drafts"});
      CHECK(names({"--offset", "0", "--limit", "1"}) == List{"Rank Report"});
      CHECK(names({"--offset", "1", "--limit", "0"}) == List{"Drafts"});
      CHECK(names({"--offset", "2"}).empty());
      CHECK(names({"--offset", "9223372036854775807", "--limit", "5"}).empty());
      auto bad = cli.run({"topics", "--offset=-1"});
      CHECK(bad.status == 2);
      CHECK_THAT(bad.err, Catch::Contains("--offset cannot be below 0"));
    }
  }
}

TEST_CASE("related marks entries in the store with their ids", "[cli][related]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& cli = CliStore::get(backend);
      auto ran = cli.run({"related", "https://roundup.example/2024/03/06", "--format", "json"});
      REQUIRE(ran.status == 0);
      Json all = Json::parse(ran.out);
      REQUIRE(all.size() == 3);
      CHECK(all[0]["inStore"] == true);
      CHECK(std::to_string(all[0]["id"].get<std::int64_t>()) ==
            id_of(cli, "https://www.lemonde.fr/food/cafe-culture-returns"));
      CHECK(all[1]["inStore"] == false);
      CHECK(all[1]["id"].is_null());
      CHECK(all[1]["title"] == "A story nobody stored");
      auto back = cli.run({"related", "https://www.lemonde.fr/food/cafe-culture-returns"});
      REQUIRE(back.status == 0);
      CHECK_THAT(back.out, Catch::StartsWith("relation\tinStore\tid\tpublishedDateTime\tprovider\t"
                                             "title\turl\ncites-this\tyes\t"));
    }
  }
}

TEST_CASE("stats --format json totals the store", "[cli][stats]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& cli = CliStore::get(backend);
      auto ran = cli.run({"stats", "--format", "json"});
      REQUIRE(ran.status == 0);
      Json s = Json::parse(ran.out);
      std::optional<Timestamp> first, last;
      std::int64_t undated = 0;
      for (const auto& a : cli.articles()) {
        if (!a.published_date_time) {
          ++undated;
          continue;
        }
        if (!first || *a.published_date_time < *first) first = a.published_date_time;
        if (!last || *a.published_date_time > *last) last = a.published_date_time;
      }
      REQUIRE(first.has_value());
      CHECK(s["articles"] == cli.articles().size());
      CHECK(s["undated"] == undated);
      CHECK(s["firstPublished"] == format_timestamp(*first));
      CHECK(s["lastPublished"] == format_timestamp(*last));
      auto text = cli.run({"stats", "--format", "text"});
      REQUIRE(text.status == 0);
      CHECK_THAT(text.out, Catch::Contains("Articles per month") && Catch::Contains("2024-03"));
      // DESIGN.md's `--format table` names the same text layout; a made-up name is a usage error.
      auto table = cli.run({"stats", "--format", "table"});
      REQUIRE(table.status == 0);
      CHECK(table.out == text.out);
      CHECK(cli.run({"stats", "--format", "csv"}).status == 2);
    }
  }
}

TEST_CASE("sql reads, and refuses writes with exit 2", "[cli][sql]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& cli = CliStore::get(backend);
      auto ran = cli.run({"sql", "SELECT COUNT(*) AS n FROM articles"});
      REQUIRE(ran.status == 0);
      CHECK(lines(ran.out) == std::vector<std::string>{"n", std::to_string(cli.articles().size())});
      auto write = cli.run({"sql", "DELETE FROM articles"});
      CHECK(write.status == 2);
      CHECK_THAT(write.err, Catch::Contains("only reads"));
      auto again = cli.run({"sql", "SELECT COUNT(*) FROM articles", "--format", "json"});
      // An unnamed column is named by each engine its own way.
      const char* column = backend == "sqlite" ? "COUNT(*)" : "count";
      CHECK(Json::parse(again.out)[0][column] == cli.articles().size());
    }
  }
}
