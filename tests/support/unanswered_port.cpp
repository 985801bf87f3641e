#include "support/unanswered_port.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <stdexcept>

namespace newsdb::test {
namespace {

sockaddr_in loopback(int port) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  return addr;
}

// A non-blocking connect to 127.0.0.1:port, left in progress.
int start_connect(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (fd < 0) return -1;
  auto addr = loopback(port);
  ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  return fd;
}

}  // namespace

UnansweredPort::UnansweredPort() {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  auto addr = loopback(0);
  if (listen_fd_ < 0 || ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::listen(listen_fd_, 0) != 0) {
    throw std::runtime_error("UnansweredPort: cannot listen on 127.0.0.1");
  }
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  // A backlog of 0 still queues one connection; a few more make sure it is full.
  for (int i = 0; i < 3; ++i) fillers_.push_back(start_connect(port_));
  ::usleep(100'000);  // let the handshakes that can complete do so
}

UnansweredPort::~UnansweredPort() {
  for (int fd : fillers_) {
    if (fd >= 0) ::close(fd);
  }
  if (listen_fd_ >= 0) ::close(listen_fd_);
}

std::string UnansweredPort::url(std::string_view path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + std::string(path);
}

bool UnansweredPort::connects() const {
  int fd = start_connect(port_);
  if (fd < 0) return true;
  pollfd p{fd, POLLOUT, 0};
  bool done = ::poll(&p, 1, 200) > 0;
  ::close(fd);
  return done;
}

}  // namespace newsdb::test
