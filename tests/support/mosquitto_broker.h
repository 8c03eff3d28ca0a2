#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

#include "support/test_support.h"

// A Mosquitto broker of the test's own, on 127.0.0.1 and a free port, stopped when the
// object goes. Mosquitto is a real dependency (scripts/install-deps installs it).
namespace codriver::testing {

inline const char* kMosquittoBinary = "/usr/sbin/mosquitto";

class MosquittoBroker {
 public:
  MosquittoBroker() {
    port_ = free_port();
    write_file(scratch_ / "mosquitto.conf",
               "listener " + std::to_string(port_) + " 127.0.0.1\nallow_anonymous true\n" +
                   "persistence false\n");
    pid_ = fork();
    if (pid_ == 0) {
      const std::string config = (scratch_ / "mosquitto.conf").string();
      const std::string log = (scratch_ / "mosquitto.log").string();
      freopen(log.c_str(), "w", stdout);
      freopen(log.c_str(), "a", stderr);
      execl(kMosquittoBinary, "mosquitto", "-c", config.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    if (pid_ < 0) throw std::runtime_error("cannot start mosquitto");
    wait_until_listening();
  }
  ~MosquittoBroker() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
  }
  MosquittoBroker(const MosquittoBroker&) = delete;
  MosquittoBroker& operator=(const MosquittoBroker&) = delete;

  int port() const { return port_; }
  std::string endpoint() const { return "127.0.0.1:" + std::to_string(port_); }

 private:
  static int free_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    close(fd);
    return ntohs(address.sin_port);
  }

  bool accepts() const {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port_));
    const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    close(fd);
    return ok;
  }

  void wait_until_listening() {
    for (int attempt = 0; attempt < 200; ++attempt) {
      if (accepts()) return;
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        throw std::runtime_error("mosquitto exited at start: " +
                                 read_file(scratch_ / "mosquitto.log"));
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    throw std::runtime_error("mosquitto did not listen on port " + std::to_string(port_));
  }

  TempDir scratch_;
  int port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace codriver::testing
