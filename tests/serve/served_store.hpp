// `newsdb serve` running for a test: started as a user would (newsdb --db DB serve --port 0), its
// first stdout line read for the address, stopped with SIGTERM when the test ends (and its exit
// status kept for tests of the stop itself).
//
//   test::ServedStore served(db);
//   httplib::Client http = served.client();
//   auto res = http.Get("/api/topics");
#pragma once

#include <fcntl.h>
#include <httplib.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/temp_dir.hpp"

namespace newsdb::test {

class ServedStore {
 public:
  explicit ServedStore(const std::string& db, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {NEWSDB_BINARY, "--db", db, "serve", "--port", "0"};
    args.insert(args.end(), extra.begin(), extra.end());
    int out[2], err[2];
    if (pipe(out) != 0 || pipe(err) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      dup2(out[1], 1);
      dup2(err[1], 2);
      int null = open("/dev/null", O_RDONLY);
      dup2(null, 0);
      close(out[0]);
      close(err[0]);
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(out[1]);
    close(err[1]);
    out_ = out[0];
    err_ = err[0];
    first_line_ = read_line(out_, std::chrono::seconds(60));
    auto at = first_line_.rfind(':');
    if (!first_line_.starts_with("listening on http://") || at == std::string::npos) {
      stop();
      throw std::runtime_error("newsdb serve did not start: '" + first_line_ + "', stderr: " + stderr_text());
    }
    port_ = std::stoi(first_line_.substr(at + 1));
  }
  ~ServedStore() {
    stop();
    close(out_);
    close(err_);
  }
  ServedStore(const ServedStore&) = delete;
  ServedStore& operator=(const ServedStore&) = delete;

  const std::string& first_line() const { return first_line_; }
  int port() const { return port_; }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(30, 0);
    c.set_connection_timeout(10, 0);
    return c;
  }

  // Sends `signal` and waits for the exit: the exit status, or 128 + the signal that killed it.
  int stop(int signal = SIGTERM) {
    if (pid_ <= 0) return status_;
    kill(pid_, signal);
    int raw = 0;
    for (int i = 0; i < 300 && waitpid(pid_, &raw, WNOHANG) == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      if (i == 299) {
        kill(pid_, SIGKILL);
        waitpid(pid_, &raw, 0);
      }
    }
    status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
    pid_ = 0;
    return status_;
  }

  // Everything on stderr so far (after stop(): all of it).
  std::string stderr_text() {
    fcntl(err_, F_SETFL, O_NONBLOCK);
    char buf[4096];
    for (ssize_t n; (n = read(err_, buf, sizeof buf)) > 0;) err_text_.append(buf, n);
    return err_text_;
  }

 private:
  static std::string read_line(int fd, std::chrono::seconds timeout) {
    std::string line;
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd p{fd, POLLIN, 0};
      if (poll(&p, 1, 100) <= 0) continue;
      char c;
      if (read(fd, &c, 1) != 1) break;
      if (c == '\n') break;
      line += c;
    }
    return line;
  }

  pid_t pid_ = 0;
  int out_ = -1, err_ = -1;
  int port_ = 0;
  int status_ = -1;
  std::string first_line_;
  std::string err_text_;
};

}  // namespace newsdb::test
