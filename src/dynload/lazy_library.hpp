// C libraries that only some commands use, loaded on first use instead of at program start.
//
// Why: newsdb links libcurl (feeds), libxml2 (feed parsing), libpq (the PostgreSQL backend) and
// libarchive (.tar imports). Linked the usual way, the dynamic loader maps them and ~40 libraries
// they pull in (TLS, Kerberos, LDAP, ICU, ...) and resolves their symbols before main() runs:
// about 7 ms and 550 page faults on every start, several times what `newsdb query` then spends
// answering from an index. Instead, src/dynload/*_symbols.cpp define the functions newsdb calls
// from those libraries; each definition opens its library with dlopen on the first call and
// forwards to the real function. Callers include the libraries' own headers and call them as
// usual: nothing else changes.
//
// Contract: thread-safe (the first call from any thread opens the library once). A library or
// symbol that cannot be loaded ends the process with exit status 1 (kExitMissingLibrary) and a
// message on stderr naming the library and the package to install; only the commands that use
// the library are affected (a query still runs without libcurl).
//
// Built with NEWSDB_LAZY_LOAD=ON (the default); with OFF the libraries are linked as usual and
// only lazy_library.cpp is built.
#pragma once

namespace newsdb::dynload {

// The exit status when a library cannot be loaded: 1, "something went wrong" (docs/cli.md), not
// the shell's 127 "command not found".
inline constexpr int kExitMissingLibrary = 1;

struct LazyLibrary {
  const char* soname;   // the ABI this build was compiled against, e.g. "libcurl.so.4"
  const char* package;  // what provides it, for the message when it is missing
};

inline constexpr LazyLibrary kCurl{"libcurl.so.4", "libcurl4 (Debian) / libcurl"};
inline constexpr LazyLibrary kXml2{"libxml2.so.2", "libxml2"};
inline constexpr LazyLibrary kPq{"libpq.so.5", "libpq5 (Debian) / libpq"};
inline constexpr LazyLibrary kArchive{"libarchive.so.13", "libarchive13 (Debian) / libarchive"};

// The address of `symbol` in `library`, opening the library on first use. Never null.
void* lazy_symbol(const LazyLibrary& library, const char* symbol);

// True once `library` has been opened by this process (by lazy_symbol or otherwise).
bool is_loaded(const LazyLibrary& library);

}  // namespace newsdb::dynload

// Defines the C function `name` of `library` (declared by the library's own header, which the
// compiler checks this definition against) as a forwarder: `ret` is its return type, `params` its
// parameter list with names, `args` those names as a call's arguments.
#define NEWSDB_LAZY_FUNCTION(library, ret, name, params, args)                                 \
  extern "C" ret name params {                                                             \
    static const auto real =                                                                 \
        reinterpret_cast<decltype(&::name)>(::newsdb::dynload::lazy_symbol(library, #name)); \
    return real args;                                                                        \
  }
