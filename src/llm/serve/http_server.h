#pragma once

#include <httplib.h>

// cpp-httplib's server with the two things codriver's servers need beyond it.
namespace codriver::llm::serve {

class HttpServer : public httplib::Server {
 public:
  // httplib's stop() does nothing before listen has started; this also closes a socket
  // that is bound but not yet listened on, so that a stop that races run() still ends it.
  void close_listener();
  // httplib listens with a backlog of 5: a burst of clients (a page's parallel fetches,
  // a load test) overflows it, and the kernel drops their handshakes or first requests.
  // Call after binding.
  void widen_backlog();
};

}  // namespace codriver::llm::serve
