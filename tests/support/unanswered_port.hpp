// A port on 127.0.0.1 where a TCP connect never completes, for connect-timeout tests: it listens
// with the smallest backlog and never accepts, and a few connections of its own fill that backlog,
// so the kernel drops every later SYN and a client waits until its connect timeout.
// (Linux behaviour with net.ipv4.tcp_abort_on_overflow = 0, the default; `connects()` says
// whether it holds on this machine, for tests to skip with a warning when it does not.)
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsdb::test {

class UnansweredPort {
 public:
  UnansweredPort();
  ~UnansweredPort();
  UnansweredPort(const UnansweredPort&) = delete;
  UnansweredPort& operator=(const UnansweredPort&) = delete;

  // "http://127.0.0.1:PORT" + path.
  std::string url(std::string_view path) const;
  // True when a plain connect there completes within 200 ms after all (the trick did not work).
  bool connects() const;

 private:
  int listen_fd_ = -1;
  int port_ = 0;
  std::vector<int> fillers_;
};

}  // namespace newsdb::test
