#include "dynload/lazy_library.hpp"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <map>
#include <mutex>
#include <string>

namespace newsdb::dynload {
namespace {

[[noreturn]] void cannot_load(const LazyLibrary& library, const char* what) {
  // No Error value can travel back through a C function's signature; the message says what to do.
  std::fprintf(stderr,
               "newsdb: error: this command needs %s, which cannot be loaded (%s): install %s\n",
               library.soname, what, library.package);
  std::fflush(stderr);
  _exit(kExitMissingLibrary);
}

void* open_library(const LazyLibrary& library) {
  // One handle per library for the life of the process (never closed: the forwarders keep
  // pointers into it). RTLD_LOCAL: its symbols do not join the global scope, so they can never
  // be confused with the forwarders of the same name defined in this program.
  static std::mutex mutex;
  static std::map<std::string, void*> handles;
  std::lock_guard lock(mutex);
  auto& handle = handles[library.soname];
  if (!handle) {
    handle = ::dlopen(library.soname, RTLD_NOW | RTLD_LOCAL);
    if (!handle) cannot_load(library, ::dlerror());
  }
  return handle;
}

}  // namespace

void* lazy_symbol(const LazyLibrary& library, const char* symbol) {
  void* handle = open_library(library);
  ::dlerror();
  void* address = ::dlsym(handle, symbol);
  if (!address) {
    std::string what = std::string("no symbol ") + symbol;
    cannot_load(library, what.c_str());
  }
  return address;
}

bool is_loaded(const LazyLibrary& library) {
  void* handle = ::dlopen(library.soname, RTLD_NOW | RTLD_NOLOAD);
  if (!handle) return false;
  ::dlclose(handle);  // drops the reference RTLD_NOLOAD took
  return true;
}

}  // namespace newsdb::dynload
