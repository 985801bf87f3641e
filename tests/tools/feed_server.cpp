// A loopback feed server for demos and manual checks: serves every file of a folder (default
// tests/data/feeds) at /NAME with a strong ETag and a Last-Modified, so clients get 304s on the
// next poll; prints its base URL, then serves until stdin closes or it is killed.
//
//   build/tests/feed_server [FOLDER] [--port N]
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "support/http_server.hpp"

namespace {

std::string content_type_for(const std::filesystem::path& p) {
  auto ext = p.extension().string();
  if (ext == ".json") return "application/feed+json";
  if (ext == ".ndjson") return "application/x-ndjson";
  if (ext == ".html") return "text/html";
  if (ext == ".md") return "text/markdown";
  return "application/xml";
}

}  // namespace

int main(int argc, char** argv) {
  std::filesystem::path folder = std::string(NEWSDB_TEST_DATA) + "/feeds";
  int port = 0;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--port" && i + 1 < argc) port = std::atoi(argv[++i]);
    else folder = arg;
  }
  newsdb::test::HttpServer server(port);
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    newsdb::test::CannedResponse r;
    r.body = body.str();
    r.content_type = content_type_for(entry.path());
    r.etag = "\"" + std::to_string(std::hash<std::string>{}(r.body)) + "\"";
    r.last_modified = "Sun, 10 Dec 2023 00:00:00 GMT";
    r.gzip = true;
    server.route("/" + entry.path().filename().string(), std::move(r));
    ++count;
  }
  std::cout << server.url("/") << '\n' << std::flush;
  std::cerr << "serving " << count << " files from " << folder.string() << "; close stdin to stop\n";
  std::string line;
  while (std::getline(std::cin, line)) {
  }
  return 0;
}
