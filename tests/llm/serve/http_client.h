#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

// A deliberately plain HTTP/1.1 client over a raw socket, so that the server tests control
// what goes on the wire: bodies larger than announced, connections dropped mid-stream.
namespace codriver::llm::serve::testing {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;                            // de-chunked
};

// One request with "Connection: close"; reads the whole response. Throws
// std::runtime_error on a socket error or when nothing arrives within `timeout`.
HttpResponse http_request(int port, const std::string& method, const std::string& path,
                          const std::string& body = {},
                          const std::vector<std::string>& extra_headers = {},
                          std::chrono::seconds timeout = std::chrono::seconds(60));

// The "data: ..." payloads of a text/event-stream body, in order ("[DONE]" included);
// comments (": keep-alive") are skipped. Throws when an event is not "data: ...\n\n".
std::vector<std::string> sse_data(const std::string& body);

// A streaming request read piece by piece, that can be dropped before its end.
class HttpStream {
 public:
  HttpStream(int port, const std::string& path, const std::string& body,
             std::chrono::seconds timeout = std::chrono::seconds(60));
  ~HttpStream();
  HttpStream(const HttpStream&) = delete;
  HttpStream& operator=(const HttpStream&) = delete;

  // Reads until `text` has arrived (raw bytes, chunk framing included) or the server
  // closes; returns whether it arrived.
  bool read_until(const std::string& text);
  // Reads until `count` "data: " events have arrived; returns whether they did.
  bool read_events(int count);
  const std::string& received() const { return received_; }
  // Drops the connection at once (RST rather than an orderly close).
  void abort();

 private:
  int socket_ = -1;
  std::string received_;
};

}  // namespace codriver::llm::serve::testing
