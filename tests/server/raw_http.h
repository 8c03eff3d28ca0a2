#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <string>

// HTTP written by hand, for what a well-behaved client library will not send: paths that
// climb out of the web root, requests cut off half-way.
namespace codriver::server::testing {

class RawConnection {
 public:
  explicit RawConnection(int port) : socket_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(socket_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    timeval timeout{5, 0};
    ::setsockopt(socket_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  }
  ~RawConnection() { ::close(socket_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return connected_; }
  bool send(const std::string& bytes) {
    return ::send(socket_, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
           static_cast<ssize_t>(bytes.size());
  }
  // What arrives within `duration` (for streams that never close).
  std::string read_for(std::chrono::milliseconds duration) {
    std::string out;
    char buffer[4096];
    const auto deadline = std::chrono::steady_clock::now() + duration;
    timeval slice{0, 100000};
    ::setsockopt(socket_, SOL_SOCKET, SO_RCVTIMEO, &slice, sizeof slice);
    while (std::chrono::steady_clock::now() < deadline) {
      const ssize_t n = ::recv(socket_, buffer, sizeof buffer, 0);
      if (n == 0) break;
      if (n > 0) out.append(buffer, static_cast<std::size_t>(n));
    }
    return out;
  }

  // Everything until the server closes the connection (or 5 s pass).
  std::string read_all() {
    std::string out;
    char buffer[4096];
    for (;;) {
      const ssize_t n = ::recv(socket_, buffer, sizeof buffer, 0);
      if (n <= 0) break;
      out.append(buffer, static_cast<std::size_t>(n));
    }
    return out;
  }

 private:
  int socket_;
  bool connected_ = false;
};

// The whole response to one request sent with "Connection: close".
inline std::string raw_get(int port, const std::string& target) {
  RawConnection connection(port);
  connection.send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  return connection.read_all();
}

inline int status_of(const std::string& response) {
  if (response.size() < 12 || response.rfind("HTTP/1.", 0) != 0) return 0;
  return std::stoi(response.substr(9, 3));
}

}  // namespace codriver::server::testing
