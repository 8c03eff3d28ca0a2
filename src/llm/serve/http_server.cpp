#include "llm/serve/http_server.h"

#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace codriver::llm::serve {

void HttpServer::close_listener() {
  const auto socket = svr_sock_.exchange(INVALID_SOCKET);
  if (socket == INVALID_SOCKET) return;
  ::shutdown(socket, SHUT_RDWR);
  ::close(socket);
}

int HttpServer::bind_listener(const std::string& host, int port) {
  const int bound = port == 0 ? bind_to_any_port(host) : (bind_to_port(host, port) ? port : -1);
  if (bound < 0) {
    throw std::runtime_error("cannot listen on " + host + ":" + std::to_string(port) +
                             " (is the port in use, or the host not an address of this machine?)");
  }
  widen_backlog();
  return bound;
}

void HttpServer::widen_backlog() {
  const auto socket = svr_sock_.load();
  if (socket != INVALID_SOCKET) ::listen(socket, SOMAXCONN);  // a second listen() resizes it
}

}  // namespace codriver::llm::serve
