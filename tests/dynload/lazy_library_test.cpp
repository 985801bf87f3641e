#define CURL_DISABLE_TYPECHECK
#include <archive.h>
#include <curl/curl.h>

#include <catch2/catch.hpp>
#include <string>

#include "dynload/lazy_library.hpp"

using namespace newsdb::dynload;

// ctest runs each test case in a process of its own, so "not loaded yet" is about this process.

TEST_CASE("a library is opened by the first call of one of its functions, not at start-up",
          "[dynload]") {
  CHECK_FALSE(is_loaded(kArchive));
  struct archive* a = archive_read_new();
  REQUIRE(a != nullptr);
  CHECK(is_loaded(kArchive));
  CHECK(archive_read_free(a) == ARCHIVE_OK);
}

TEST_CASE("libcurl's variadic options pass pointers and numbers through unchanged", "[dynload]") {
  CHECK_FALSE(is_loaded(kCurl));
  CURL* curl = curl_easy_init();
  REQUIRE(curl != nullptr);
  int marker = 0;
  CHECK(curl_easy_setopt(curl, CURLOPT_PRIVATE, static_cast<void*>(&marker)) == CURLE_OK);
  void* back = nullptr;
  CHECK(curl_easy_getinfo(curl, CURLINFO_PRIVATE, &back) == CURLE_OK);
  CHECK(back == &marker);
  CHECK(curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 2500L) == CURLE_OK);
  CHECK(curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, curl_off_t{1} << 40) == CURLE_OK);
  // An option libcurl rejects for its value still reports the rejection.
  CHECK(curl_easy_setopt(curl, CURLOPT_SSLVERSION, 999L) != CURLE_OK);
  curl_easy_cleanup(curl);
}

TEST_CASE("the newsdb program does not load libcurl, libxml2, libpq or libarchive at start-up",
          "[dynload]") {
  // LD_TRACE_LOADED_OBJECTS makes the dynamic loader list what it maps and exit (what ldd does).
  std::string command = std::string("LD_TRACE_LOADED_OBJECTS=1 '") + NEWSDB_BINARY + "'";
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string listing;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) listing.append(buffer, n);
  CHECK(::pclose(pipe) == 0);
  REQUIRE(listing.find("libc.so") != std::string::npos);  // the listing is real
  for (const LazyLibrary& lib : {kCurl, kXml2, kPq, kArchive}) {
    INFO(lib.soname);
    CHECK(listing.find(lib.soname) == std::string::npos);
  }
}
