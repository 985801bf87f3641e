#include "serve/server.hpp"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <algorithm>
#include <thread>

#include "serve/api_routes.hpp"
#include "serve/exchange.hpp"
#include "serve/page_routes.hpp"
#include "serve/response_headers.hpp"
#include "serve/store_pool.hpp"

namespace newsdb::serve {
namespace {

std::string url_host(const std::string& host) {
  return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

bool wants_json(const httplib::Request& request) { return request.path.starts_with("/api/"); }

void configure(httplib::Server& server, int threads) {
  server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  server.set_read_timeout(kReadTimeout);
  server.set_write_timeout(kWriteTimeout);
  server.set_keep_alive_timeout(kKeepAliveTimeout.count());
  server.set_keep_alive_max_count(100);
  server.set_payload_max_length(1024);
  server.set_tcp_nodelay(true);
  // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, with which a second server on a port
  // in use binds without an error and the two share the connections.
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    if (req.method == "GET" || req.method == "HEAD") return httplib::Server::HandlerResponse::Unhandled;
    res.set_header("Allow", "GET, HEAD");
    Error error{ErrorKind::kUnsupported, "this server is read-only: " + req.method.substr(0, 16) +
                                             " is not allowed (use GET or HEAD)"};
    if (wants_json(req)) {
      send_json_error(res, error);
    } else {
      res.set_content(error.message + "\n", "text/plain; charset=utf-8");
    }
    res.status = 405;
    return httplib::Server::HandlerResponse::Handled;
  });
  server.set_post_routing_handler(finish_response);
  server.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
    res.status = 500;
    res.set_content(wants_json(req) ? "{\"error\": \"internal error\"}\n" : "internal error\n",
                    wants_json(req) ? "application/json" : "text/plain; charset=utf-8");
  });
}

}  // namespace

Result<void> run_server(const ServerOptions& options, std::ostream& out) {
  int threads = options.threads > 0
                    ? options.threads
                    : std::max(8, 2 * static_cast<int>(std::thread::hardware_concurrency()));

  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  // Blocked before any thread starts, so every worker inherits the mask and only sigwait below
  // receives them.
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  StorePool stores(options.db);
  {
    auto first = stores.lease();  // fails now, not on the first request, when the store cannot open
    if (!first) return std::unexpected(first.error());
  }

  httplib::Server server;
  configure(server, threads);
  add_api_routes(server, stores);
  add_page_routes(server, stores);

  int port = options.port == 0 ? server.bind_to_any_port(options.host)
                               : (server.bind_to_port(options.host, options.port) ? options.port : -1);
  if (port < 0) {
    return fail(ErrorKind::kIo, "cannot listen on " + url_host(options.host) + ":" +
                                    std::to_string(options.port) +
                                    ": the port is in use or the address is not this machine's; "
                                    "try another --port (0 picks a free one)");
  }
  out << "listening on http://" << url_host(options.host) << ":" << port << "/" << std::endl;

  std::thread stopper([&server, stop_signals] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    server.stop();
  });
  bool served = server.listen_after_bind();
  if (!served) {
    // listen ended on its own: wake the signal thread so it can be joined.
    pthread_kill(stopper.native_handle(), SIGTERM);
  }
  stopper.join();
  return {};
}

}  // namespace newsdb::serve
