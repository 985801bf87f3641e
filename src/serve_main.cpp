// newsdb-serve: the HTTP server behind `newsdb serve`, a program of its own so that the HTTP
// library and what it loads (OpenSSL, brotli) never slow down the start of every other command.
// `newsdb serve` checks its options and runs this with them; it is not meant to be run by hand.
//
//   newsdb-serve --db SPEC --host HOST --port PORT
#include <signal.h>

#include <charconv>
#include <cstring>
#include <iostream>
#include <newsdb/diagnostic.hpp>
#include <string_view>

#include "serve/server.hpp"

int main(int argc, char** argv) {
  signal(SIGPIPE, SIG_IGN);  // a client that hangs up is a failed write, not the end of the server
  newsdb::serve::ServerOptions options;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view name = argv[i];
    std::string_view value = argv[i + 1];
    if (name == "--db") {
      options.db = value;
    } else if (name == "--host") {
      options.host = value;
    } else if (name == "--port") {
      std::from_chars(value.data(), value.data() + value.size(), options.port);
    } else if (name == "--threads") {
      std::from_chars(value.data(), value.data() + value.size(), options.threads);
    } else {
      std::cerr << "newsdb serve: error: unknown option '" << name << "': run 'newsdb serve --help'\n";
      return 2;
    }
  }
  auto served = newsdb::serve::run_server(options, std::cout);
  if (!served) {
    std::cerr << "newsdb serve: error: " << newsdb::escape_controls(served.error().message) << '\n';
    return served.error().kind == newsdb::ErrorKind::kInvalidInput ? 2 : 1;
  }
  return 0;
}
