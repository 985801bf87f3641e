// `newsdb serve`: a read-only HTTP server over one store (the JSON API of api_routes.hpp, the
// pages of page_routes.hpp, the compiled-in assets of assets.hpp).
//
// How it protects itself: every method but GET and HEAD is 405 before routing; request lines and
// headers are bounded by httplib (8 KB each, 414/431 past that), a request body is refused, query
// parameters are bounded by request_params.hpp; a client gets kReadTimeout to send its request
// and kWriteTimeout per write of the answer, and an idle keep-alive connection is closed after
// kKeepAliveTimeout, so a slow or silent client holds a worker for seconds, not forever.
#pragma once

#include <chrono>
#include <newsdb/error.hpp>
#include <ostream>
#include <string>

namespace newsdb::serve {

inline constexpr std::chrono::seconds kReadTimeout{5};
inline constexpr std::chrono::seconds kWriteTimeout{5};
inline constexpr std::chrono::seconds kKeepAliveTimeout{2};

struct ServerOptions {
  std::string db;  // a SQLite path or a postgresql:// URI
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  int threads = 0;  // workers; 0: twice the cores, at least 8
};

// Binds, prints "listening on http://HOST:PORT/" (the bound port) as one line on `out`, and
// serves until SIGINT or SIGTERM, then returns once the requests in flight are answered.
// kIo when the address cannot be bound; kNotFound/kStore when the database cannot be opened.
// Call from the main thread before any other thread starts: it blocks SIGINT and SIGTERM in the
// process to receive them on a thread of its own.
Result<void> run_server(const ServerOptions& options, std::ostream& out);

}  // namespace newsdb::serve
