#include "net/curl_handles.hpp"

#include <mutex>

namespace newsdb::net {

void ensure_curl_initialised() {
  // Never paired with curl_global_cleanup: the process may still hold handles at exit, and the
  // OS reclaims everything anyway.
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

CurlEasy::CurlEasy() {
  ensure_curl_initialised();
  handle_ = curl_easy_init();
}

CurlMulti::CurlMulti() {
  ensure_curl_initialised();
  handle_ = curl_multi_init();
}

CurlUrl::CurlUrl() {
  ensure_curl_initialised();
  handle_ = curl_url();
}

}  // namespace newsdb::net
