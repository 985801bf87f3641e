// libcurl's functions as newsdb uses them (src/net), loaded on first use (lazy_library.hpp).
#define CURL_DISABLE_TYPECHECK  // the type-checking macros would rename the definitions below
#include <curl/curl.h>

#include <cstdarg>

#include "dynload/lazy_library.hpp"

using newsdb::dynload::kCurl;

NEWSDB_LAZY_FUNCTION(kCurl, CURLcode, curl_global_init, (long flags), (flags))
NEWSDB_LAZY_FUNCTION(kCurl, CURL*, curl_easy_init, (void), ())
NEWSDB_LAZY_FUNCTION(kCurl, void, curl_easy_cleanup, (CURL * curl), (curl))
NEWSDB_LAZY_FUNCTION(kCurl, void, curl_easy_reset, (CURL * curl), (curl))
NEWSDB_LAZY_FUNCTION(kCurl, const char*, curl_easy_strerror, (CURLcode code), (code))
NEWSDB_LAZY_FUNCTION(kCurl, void, curl_free, (void* p), (p))
NEWSDB_LAZY_FUNCTION(kCurl, CURLM*, curl_multi_init, (void), ())
NEWSDB_LAZY_FUNCTION(kCurl, CURLMcode, curl_multi_cleanup, (CURLM * multi), (multi))
NEWSDB_LAZY_FUNCTION(kCurl, CURLMcode, curl_multi_add_handle, (CURLM * multi, CURL* curl),
                     (multi, curl))
NEWSDB_LAZY_FUNCTION(kCurl, CURLMcode, curl_multi_remove_handle, (CURLM * multi, CURL* curl),
                     (multi, curl))
NEWSDB_LAZY_FUNCTION(kCurl, CURLMcode, curl_multi_perform, (CURLM * multi, int* running),
                     (multi, running))
NEWSDB_LAZY_FUNCTION(kCurl, CURLMcode, curl_multi_poll,
                     (CURLM * multi, struct curl_waitfd extra_fds[], unsigned int extra_nfds,
                      int timeout_ms, int* numfds),
                     (multi, extra_fds, extra_nfds, timeout_ms, numfds))
NEWSDB_LAZY_FUNCTION(kCurl, CURLMsg*, curl_multi_info_read, (CURLM * multi, int* left),
                     (multi, left))
NEWSDB_LAZY_FUNCTION(kCurl, struct curl_slist*, curl_slist_append,
                     (struct curl_slist * list, const char* text), (list, text))
NEWSDB_LAZY_FUNCTION(kCurl, void, curl_slist_free_all, (struct curl_slist * list), (list))
NEWSDB_LAZY_FUNCTION(kCurl, CURLU*, curl_url, (void), ())
NEWSDB_LAZY_FUNCTION(kCurl, void, curl_url_cleanup, (CURLU * url), (url))
NEWSDB_LAZY_FUNCTION(kCurl, CURLUcode, curl_url_get,
                     (CURLU * url, CURLUPart what, char** part, unsigned int flags),
                     (url, what, part, flags))
NEWSDB_LAZY_FUNCTION(kCurl, CURLUcode, curl_url_set,
                     (CURLU * url, CURLUPart what, const char* part, unsigned int flags),
                     (url, what, part, flags))

// The two variadic functions. Every option and info takes exactly one argument after the code: a
// long, a curl_off_t, or a pointer (to data, a string or a function). On the LP64 ABIs newsdb
// builds for, all three are one integer-class word passed the same way, so the word is read as
// a pointer and passed on unchanged; the static_asserts keep that assumption honest.
static_assert(sizeof(long) == sizeof(void*) && sizeof(curl_off_t) == sizeof(void*));

extern "C" CURLcode curl_easy_setopt(CURL* curl, CURLoption option, ...) {
  static const auto real = reinterpret_cast<CURLcode (*)(CURL*, CURLoption, ...)>(
      newsdb::dynload::lazy_symbol(kCurl, "curl_easy_setopt"));
  va_list args;
  va_start(args, option);
  void* value = va_arg(args, void*);
  va_end(args);
  return real(curl, option, value);
}

extern "C" CURLcode curl_easy_getinfo(CURL* curl, CURLINFO info, ...) {
  static const auto real = reinterpret_cast<CURLcode (*)(CURL*, CURLINFO, ...)>(
      newsdb::dynload::lazy_symbol(kCurl, "curl_easy_getinfo"));
  va_list args;
  va_start(args, info);
  void* out = va_arg(args, void*);
  va_end(args);
  return real(curl, info, out);
}
