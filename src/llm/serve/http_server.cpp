#include "llm/serve/http_server.h"

#include <sys/socket.h>
#include <unistd.h>

namespace codriver::llm::serve {

void HttpServer::close_listener() {
  const auto socket = svr_sock_.exchange(INVALID_SOCKET);
  if (socket == INVALID_SOCKET) return;
  ::shutdown(socket, SHUT_RDWR);
  ::close(socket);
}

void HttpServer::widen_backlog() {
  const auto socket = svr_sock_.load();
  if (socket != INVALID_SOCKET) ::listen(socket, SOMAXCONN);  // a second listen() resizes it
}

}  // namespace codriver::llm::serve
