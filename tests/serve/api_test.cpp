// The JSON API answers what the CLI prints with --format json, on the same store, on every
// backend of the run; bad parameters get the CLI's message; the HTTP rules (405, ETag, gzip,
// limits) hold.
#include <zlib.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/cli_store.hpp"
#include "serve/served_store.hpp"

using namespace newsdb;
using namespace newsdb::test;
using nlohmann::json;

namespace {

json cli_json(const CliStore& cli, std::vector<std::string> args) {
  args.push_back("--format");
  args.push_back("json");
  auto ran = cli.run(args);
  INFO(ran.err);
  REQUIRE(ran.status == 0);
  return json::parse(ran.out);
}

json api_json(httplib::Client& http, const std::string& path, int status = 200) {
  auto res = http.Get(path.c_str());
  REQUIRE(res);
  INFO(path << " -> " << res->body);
  REQUIRE(res->status == status);
  REQUIRE(res->get_header_value("Content-Type") == "application/json");
  return json::parse(res->body);
}

std::string gunzip(const std::string& data) {
  z_stream z{};
  REQUIRE(inflateInit2(&z, 16 + MAX_WBITS) == Z_OK);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char buf[16384];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof buf - z.avail_out);
  }
  inflateEnd(&z);
  REQUIRE(rc == Z_STREAM_END);
  return out;
}

}  // namespace

TEST_CASE("every API endpoint answers what the CLI prints with --format json", "[serve]") {
  for (const auto& backend : backends()) {
    DYNAMIC_SECTION(backend) {
      auto& cli = CliStore::get(backend);
      ServedStore served(cli.db());
      auto http = served.client();

      CHECK(api_json(http, "/api/articles") == cli_json(cli, {"query"}));
      CHECK(api_json(http, "/api/articles?topic=ties&topic=AI&sort=heat&limit=3&offset=1") ==
            cli_json(cli, {"query", "--topic", "ties", "--topic", "AI", "--sort", "heat", "--limit", "3", "--offset", "1"}));
      CHECK(api_json(http, "/api/articles?since=2023-01&until=2024&min-quality=10&published=yes") ==
            cli_json(cli, {"query", "--since", "2023-01", "--until", "2024", "--min-quality", "10", "--published", "yes"}));
      CHECK(api_json(http, "/api/search?q=supply%20chain") == cli_json(cli, {"search", "supply chain"}));
      CHECK(api_json(http, "/api/search?q=cafe&sort=newest&limit=5") ==
            cli_json(cli, {"search", "cafe", "--sort", "newest", "--limit", "5"}));

      json all = api_json(http, "/api/articles?limit=500");
      REQUIRE(all.size() >= 5);
      for (std::size_t i : {std::size_t{0}, all.size() / 2, all.size() - 1}) {
        std::string id = std::to_string(all[i]["id"].get<std::int64_t>());
        CHECK(api_json(http, "/api/articles/" + id) == cli_json(cli, {"show", id}));
      }

      CHECK(api_json(http, "/api/topics") == cli_json(cli, {"topics"}));
      CHECK(api_json(http, "/api/providers?limit=3&offset=1") == cli_json(cli, {"providers", "--limit", "3", "--offset", "1"}));
      CHECK(api_json(http, "/api/categories?topic=ties") == cli_json(cli, {"categories", "--topic", "ties"}));
      CHECK(api_json(http, "/api/topics?provider=www.beebom.com&since=2020") ==
            cli_json(cli, {"topics", "--provider", "www.beebom.com", "--since", "2020"}));
      CHECK(api_json(http, "/api/stats") == cli_json(cli, {"stats"}));
      CHECK(api_json(http, "/api/stats?top=3") == cli_json(cli, {"stats", "--top", "3"}));
    }
  }
}

TEST_CASE("a bad parameter is 400 with the CLI's message", "[serve]") {
  auto& cli = CliStore::get();
  ServedStore served(cli.db());
  auto http = served.client();
  auto cli_message = [&](std::vector<std::string> args) {
    auto ran = cli.run(args);
    REQUIRE(ran.status == 2);
    std::string prefix = "newsdb: error: ";
    REQUIRE(ran.err.starts_with(prefix));
    return ran.err.substr(prefix.size(), ran.err.find('\n') - prefix.size());
  };
  CHECK(api_json(http, "/api/articles?since=yesterday-ish", 400)["error"] == cli_message({"query", "--since", "yesterday-ish"}));
  CHECK(api_json(http, "/api/articles?sort=random", 400)["error"] == cli_message({"query", "--sort", "random"}));
  CHECK(api_json(http, "/api/topics?limit=-1", 400)["error"] == cli_message({"topics", "--limit", "-1"}));
  CHECK(api_json(http, "/api/articles?min-heat=hot", 400)["error"] == cli_message({"query", "--min-heat", "hot"}));
  CHECK(api_json(http, "/api/articles?published=maybe", 400)["error"] == cli_message({"query", "--published", "maybe"}));

  std::string unknown = api_json(http, "/api/articles?colour=red", 400)["error"];
  CHECK(unknown.starts_with("unknown parameter 'colour'"));
  CHECK(api_json(http, "/api/articles?since=2020&since=2021", 400)["error"].get<std::string>().find("twice") != std::string::npos);
  CHECK(api_json(http, "/api/search", 400)["error"].get<std::string>().starts_with("search needs words"));
  CHECK(api_json(http, "/api/articles?limit=0", 400)["error"].get<std::string>().find("at most 500") != std::string::npos);
  CHECK(api_json(http, "/api/articles?limit=501", 400)["error"].get<std::string>().find("at most 500") != std::string::npos);
  CHECK(api_json(http, "/api/articles?text=" + std::string(1025, 'a'), 400)["error"].get<std::string>().find("too long") != std::string::npos);
  CHECK(api_json(http, "/api/articles/999999", 404)["error"].get<std::string>().starts_with("no article with id 999999"));
  CHECK(api_json(http, "/api/articles/abc", 404).contains("error"));
  CHECK(api_json(http, "/api/nothing", 404).contains("error"));
}

TEST_CASE("only GET and HEAD are served: every other method is 405", "[serve]") {
  auto& cli = CliStore::get();
  ServedStore served(cli.db());
  auto http = served.client();
  std::vector<httplib::Result> answers;
  answers.push_back(http.Post("/api/articles", "{}", "application/json"));
  answers.push_back(http.Put("/", "x", "text/plain"));
  answers.push_back(http.Delete("/api/articles/1"));
  answers.push_back(http.Patch("/api/stats", "x", "text/plain"));
  answers.push_back(http.Options("/"));
  for (auto& res : answers) {
    REQUIRE(res);
    CHECK(res->status == 405);
    CHECK(res->get_header_value("Allow") == "GET, HEAD");
  }
  auto head = http.Head("/api/topics");
  REQUIRE(head);
  CHECK(head->status == 200);
  CHECK(head->body.empty());
}

TEST_CASE("an unchanged answer is 304 for its ETag, and gzip when asked", "[serve]") {
  auto& cli = CliStore::get();
  ServedStore served(cli.db());
  auto http = served.client();
  auto first = http.Get("/api/articles?limit=50", {{"Accept-Encoding", "identity"}});
  REQUIRE(first);
  REQUIRE(first->status == 200);
  std::string etag = first->get_header_value("ETag");
  CHECK(etag.starts_with("W/\""));
  CHECK(first->get_header_value("Cache-Control") == "no-cache");
  CHECK(first->get_header_value("Content-Security-Policy").find("default-src 'none'") != std::string::npos);

  auto again = http.Get("/api/articles?limit=50", {{"Accept-Encoding", "identity"}, {"If-None-Match", etag}});
  REQUIRE(again);
  CHECK(again->status == 304);
  CHECK(again->body.empty());
  auto other = http.Get("/api/articles?limit=50", {{"Accept-Encoding", "identity"}, {"If-None-Match", "W/\"0000000000000000\""}});
  REQUIRE(other);
  CHECK(other->status == 200);

  http.set_decompress(false);  // the wire bytes, to inflate here
  auto zipped = http.Get("/api/articles?limit=50", {{"Accept-Encoding", "gzip"}});
  REQUIRE(zipped);
  CHECK(zipped->status == 200);
  REQUIRE(zipped->get_header_value("Content-Encoding") == "gzip");
  CHECK(zipped->get_header_value("Vary") == "Accept-Encoding");
  CHECK(zipped->body.size() < first->body.size());
  CHECK(gunzip(zipped->body) == first->body);
  // The ETag names the bytes sent: another encoding has its own, the same one the same.
  std::string zipped_etag = zipped->get_header_value("ETag");
  CHECK(zipped_etag != etag);
  auto zipped_again = http.Get("/api/articles?limit=50", {{"Accept-Encoding", "gzip"}, {"If-None-Match", zipped_etag}});
  REQUIRE(zipped_again);
  CHECK(zipped_again->status == 304);
}

TEST_CASE("static files come only from the compiled-in assets", "[serve]") {
  auto& cli = CliStore::get();
  ServedStore served(cli.db());
  auto http = served.client();
  auto css = http.Get("/static/style.css");
  REQUIRE(css);
  CHECK(css->status == 200);
  CHECK(css->get_header_value("Content-Type") == "text/css; charset=utf-8");
  CHECK(css->get_header_value("Cache-Control") == "public, max-age=86400");
  for (const char* path : {"/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd",
                           "/static/CMakeLists.txt", "/static/", "/../etc/passwd"}) {
    auto res = http.Get(path);
    REQUIRE(res);
    INFO(path);
    CHECK((res->status == 404 || res->status == 400));
    CHECK(res->body.find("root:") == std::string::npos);
  }
}
