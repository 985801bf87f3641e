#define CURL_DISABLE_TYPECHECK
#include <archive.h>
#include <curl/curl.h>

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <string>

#include "dynload/lazy_library.hpp"

using namespace newsdb::dynload;

// ctest runs each test case in a process of its own, so "not loaded yet" is about this process.
// NEWSDB_LAZY_LOAD says how this build links the four libraries (CMake option of that name).

#if NEWSDB_LAZY_LOAD

TEST_CASE("a library is opened by the first call of one of its functions, not at start-up",
          "[dynload]") {
  CHECK_FALSE(is_loaded(kArchive));
  struct archive* a = archive_read_new();
  REQUIRE(a != nullptr);
  CHECK(is_loaded(kArchive));
  CHECK(archive_read_free(a) == ARCHIVE_OK);
}

#endif

TEST_CASE("libcurl's variadic options pass pointers and numbers through unchanged", "[dynload]") {
  CHECK(is_loaded(kCurl) == !NEWSDB_LAZY_LOAD);
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

#if NEWSDB_LAZY_LOAD
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
#else
TEST_CASE("the newsdb program links libcurl, libxml2, libpq and libarchive (NEWSDB_LAZY_LOAD off)",
          "[dynload]") {
  CHECK(is_loaded(kArchive));
  CHECK(is_loaded(kCurl));
  std::string command = std::string("LD_TRACE_LOADED_OBJECTS=1 '") + NEWSDB_BINARY + "'";
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string listing;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) listing.append(buffer, n);
  CHECK(::pclose(pipe) == 0);
  for (const LazyLibrary& lib : {kCurl, kXml2, kPq, kArchive}) {
    INFO(lib.soname);
    CHECK(listing.find(lib.soname) != std::string::npos);
  }
}
#endif

TEST_CASE("a library that cannot be loaded ends the process with exit 1 and says what to install",
          "[dynload]") {
  // In a child process: the loader's failure ends the process it happens in.
  const LazyLibrary absent{"libnewsdb-test-absent.so.7", "newsdb-test-absent7 (Debian)"};
  int err[2];
  REQUIRE(::pipe(err) == 0);
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::dup2(err[1], 2);
    ::close(err[0]);
    lazy_symbol(absent, "absent_function");
    _exit(99);  // not reached: lazy_symbol does not return for a missing library
  }
  ::close(err[1]);
  std::string message;
  char buffer[1024];
  while (true) {
    ssize_t n = ::read(err[0], buffer, sizeof buffer);
    if (n <= 0) break;
    message.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(err[0]);
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 1);
  CHECK(WEXITSTATUS(status) != 127);
  CHECK(message.starts_with(
      "newsdb: error: this command needs libnewsdb-test-absent.so.7, which cannot be loaded ("));
  CHECK(message.find("libnewsdb-test-absent.so.7: cannot open shared object file") !=
        std::string::npos);
  CHECK(message.ends_with("): install newsdb-test-absent7 (Debian)\n"));
}
