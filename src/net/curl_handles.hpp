// RAII owners for libcurl handles: an easy handle, a multi handle and a header list. Move-only;
// a moved-from owner holds nothing. Internal to src/net (public headers never include curl.h).
#pragma once

#include <curl/curl.h>

#include <utility>

namespace newsdb::net {

// Initialises libcurl once per process (thread-safe); every owner below calls it first.
void ensure_curl_initialised();

class CurlEasy {
 public:
  CurlEasy();  // a fresh handle; get() is null only if libcurl is out of memory
  CurlEasy(CurlEasy&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}
  CurlEasy& operator=(CurlEasy&& other) noexcept {
    std::swap(handle_, other.handle_);
    return *this;
  }
  CurlEasy(const CurlEasy&) = delete;
  CurlEasy& operator=(const CurlEasy&) = delete;
  ~CurlEasy() {
    if (handle_) curl_easy_cleanup(handle_);
  }

  CURL* get() const { return handle_; }

 private:
  CURL* handle_ = nullptr;
};

class CurlMulti {
 public:
  CurlMulti();
  CurlMulti(CurlMulti&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}
  CurlMulti& operator=(CurlMulti&& other) noexcept {
    std::swap(handle_, other.handle_);
    return *this;
  }
  CurlMulti(const CurlMulti&) = delete;
  CurlMulti& operator=(const CurlMulti&) = delete;
  // Easy handles still added must be removed before this runs (the owner of the transfers does).
  ~CurlMulti() {
    if (handle_) curl_multi_cleanup(handle_);
  }

  CURLM* get() const { return handle_; }

 private:
  CURLM* handle_ = nullptr;
};

class CurlSlist {
 public:
  CurlSlist() = default;
  CurlSlist(CurlSlist&& other) noexcept : list_(std::exchange(other.list_, nullptr)) {}
  CurlSlist& operator=(CurlSlist&& other) noexcept {
    std::swap(list_, other.list_);
    return *this;
  }
  CurlSlist(const CurlSlist&) = delete;
  CurlSlist& operator=(const CurlSlist&) = delete;
  ~CurlSlist() {
    if (list_) curl_slist_free_all(list_);
  }

  // Appends a copy of `line`; false when libcurl is out of memory (the list is unchanged).
  bool append(const char* line) {
    curl_slist* next = curl_slist_append(list_, line);
    if (!next) return false;
    list_ = next;
    return true;
  }
  curl_slist* get() const { return list_; }

 private:
  curl_slist* list_ = nullptr;
};

// A parsed URL (CURLU), for resolving references and reading parts.
class CurlUrl {
 public:
  CurlUrl();
  CurlUrl(CurlUrl&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}
  CurlUrl& operator=(CurlUrl&& other) noexcept {
    std::swap(handle_, other.handle_);
    return *this;
  }
  CurlUrl(const CurlUrl&) = delete;
  CurlUrl& operator=(const CurlUrl&) = delete;
  ~CurlUrl() {
    if (handle_) curl_url_cleanup(handle_);
  }

  CURLU* get() const { return handle_; }

 private:
  CURLU* handle_ = nullptr;
};

}  // namespace newsdb::net
