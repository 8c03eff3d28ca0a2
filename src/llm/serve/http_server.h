#pragma once

#include <httplib.h>

#include <string>

// cpp-httplib's server with the two things codriver's servers need beyond it.
namespace codriver::llm::serve {

class HttpServer : public httplib::Server {
 public:
  // httplib's stop() does nothing before listen has started; this also closes a socket
  // that is bound but not yet listened on, so that a stop that races run() still ends it.
  void close_listener();
  // Binds `host`:`port` (0: any free port) with a wide backlog, and returns the port.
  // Throws std::runtime_error with what to check when it cannot.
  int bind_listener(const std::string& host, int port);

 private:
  // httplib listens with a backlog of 5: a burst of clients (a page's parallel fetches,
  // a load test) overflows it, and the kernel drops their handshakes or first requests.
  void widen_backlog();
};

}  // namespace codriver::llm::serve
