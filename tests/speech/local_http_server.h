#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

// A real HTTP/1.1 server on 127.0.0.1 and an ephemeral port, for testing clients
// end to end: it reads whole requests (multipart bodies included), records them, and
// answers what the test's handler says, or never answers, to exercise timeouts. An answer
// can also be streamed in chunks (as Server-Sent Events are), paced, or stop after the
// head, to exercise streaming clients.
namespace codriver::testing {

struct HttpRequest {
  std::string method;
  std::string path;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;

  std::string header(const std::string& name) const {
    const auto found = headers.find(name);
    return found == headers.end() ? std::string() : found->second;
  }
};

struct HttpReply {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  bool stall = false;  // read the request, then say nothing until the server stops
  // Further header lines, e.g. {"Retry-After", "1"}.
  std::vector<std::pair<std::string, std::string>> headers = {};
  // When not empty, the body is sent as these pieces, one send() each, `chunk_delay`
  // apart, without Content-Length (the end is the connection closing); `body` is unused.
  std::vector<std::string> chunks = {};
  std::chrono::milliseconds chunk_delay{0};
  // Send the head (and any chunks), then say nothing more until the server stops.
  bool stall_after_head = false;
  bool hang_up = false;  // read the request, then close the connection without a word
};

struct MultipartPart {
  std::string filename;
  std::string content_type;
  std::string content;
};

inline std::string lower_case(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

inline std::string quoted_attribute(const std::string& headers, const std::string& name) {
  const std::string key = name + "=\"";
  const auto start = headers.find(key);
  if (start == std::string::npos) return {};
  const auto end = headers.find('"', start + key.size());
  return headers.substr(start + key.size(), end - start - key.size());
}

// Parts of a multipart/form-data body keyed by their name; empty when it is not one.
inline std::map<std::string, MultipartPart> parse_multipart(const HttpRequest& request) {
  std::map<std::string, MultipartPart> parts;
  const std::string content_type = request.header("content-type");
  const auto boundary_at = content_type.find("boundary=");
  if (content_type.rfind("multipart/form-data", 0) != 0 || boundary_at == std::string::npos) {
    return parts;
  }
  const std::string delimiter = "--" + content_type.substr(boundary_at + 9);
  std::size_t at = request.body.find(delimiter);
  while (at != std::string::npos) {
    const std::size_t part_start = at + delimiter.size();
    if (request.body.compare(part_start, 2, "--") == 0) break;  // closing delimiter
    const std::size_t headers_end = request.body.find("\r\n\r\n", part_start);
    const std::size_t next = request.body.find("\r\n" + delimiter, headers_end);
    if (headers_end == std::string::npos || next == std::string::npos) break;
    const std::string part_headers = request.body.substr(part_start, headers_end - part_start);
    MultipartPart part;
    part.filename = quoted_attribute(part_headers, "filename");
    const auto type_at = lower_case(part_headers).find("content-type: ");
    if (type_at != std::string::npos) {
      const auto line_end = part_headers.find("\r\n", type_at);
      part.content_type = part_headers.substr(type_at + 14, line_end - type_at - 14);
    }
    part.content = request.body.substr(headers_end + 4, next - headers_end - 4);
    parts[quoted_attribute(part_headers, "name")] = std::move(part);
    at = next + 2;
  }
  return parts;
}

class LocalHttpServer {
 public:
  using Handler = std::function<HttpReply(const HttpRequest&)>;

  explicit LocalHttpServer(Handler handler) : handler_(std::move(handler)) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;  // the kernel picks a free port
    socklen_t length = sizeof(address);
    if (listener_ < 0 || ::bind(listener_, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
        ::listen(listener_, 8) != 0 ||
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
      throw std::runtime_error("test HTTP server could not listen on 127.0.0.1");
    }
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { serve(); });
  }

  ~LocalHttpServer() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
    ::close(listener_);
  }

  LocalHttpServer(const LocalHttpServer&) = delete;
  LocalHttpServer& operator=(const LocalHttpServer&) = delete;

  int port() const { return port_; }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

  std::vector<HttpRequest> requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
  }

 private:
  bool stopping() const {
    std::lock_guard lock(mutex_);
    return stopping_;
  }

  // Waits up to 50 ms for the socket to become readable, so stopping is noticed quickly.
  static bool readable(int fd) {
    pollfd waiting{fd, POLLIN, 0};
    return ::poll(&waiting, 1, 50) > 0;
  }

  void serve() {
    while (!stopping()) {
      if (!readable(listener_)) continue;
      const int connection = ::accept(listener_, nullptr, nullptr);
      if (connection < 0) continue;
      handle(connection);
      ::close(connection);
    }
  }

  // Reads until done() holds; false when the peer goes away or the server stops first.
  bool read_until(int connection, std::string& buffer, const std::function<bool()>& done) {
    char chunk[16384];
    while (!done()) {
      if (stopping()) return false;
      if (!readable(connection)) continue;
      const ssize_t got = ::recv(connection, chunk, sizeof(chunk), 0);
      if (got <= 0) return false;
      buffer.append(chunk, static_cast<std::size_t>(got));
    }
    return true;
  }

  static HttpRequest parse_head(const std::string& head) {
    HttpRequest request;
    std::size_t line_end = head.find("\r\n");
    const std::string request_line = head.substr(0, line_end);
    const auto first_space = request_line.find(' ');
    const auto second_space = request_line.find(' ', first_space + 1);
    request.method = request_line.substr(0, first_space);
    request.path = request_line.substr(first_space + 1, second_space - first_space - 1);
    while (line_end != std::string::npos && line_end + 2 < head.size()) {
      const std::size_t next = head.find("\r\n", line_end + 2);
      const std::string line = head.substr(line_end + 2, next - line_end - 2);
      const auto colon = line.find(':');
      if (colon != std::string::npos) {
        const auto value_start = line.find_first_not_of(' ', colon + 1);
        request.headers[lower_case(line.substr(0, colon))] =
            value_start == std::string::npos ? std::string() : line.substr(value_start);
      }
      line_end = next;
    }
    return request;
  }

  void handle(int connection) {
    std::string buffer;
    if (!read_until(connection, buffer,
                    [&] { return buffer.find("\r\n\r\n") != std::string::npos; })) {
      return;
    }
    const std::size_t head_end = buffer.find("\r\n\r\n");
    HttpRequest request = parse_head(buffer.substr(0, head_end));
    const std::string length = request.header("content-length");
    const std::size_t body_bytes = length.empty() ? 0 : std::stoul(length);
    if (!read_until(connection, buffer,
                    [&] { return buffer.size() >= head_end + 4 + body_bytes; })) {
      return;
    }
    request.body = buffer.substr(head_end + 4, body_bytes);
    {
      std::lock_guard lock(mutex_);
      requests_.push_back(request);
    }
    const HttpReply reply = handler_(request);
    if (reply.stall) {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_; });
      return;
    }
    if (reply.hang_up) return;
    std::string head = "HTTP/1.1 " + std::to_string(reply.status) +
                       " Test\r\nContent-Type: " + reply.content_type + "\r\n";
    for (const auto& [name, value] : reply.headers)
      head += name + ": " + value + "\r\n";
    if (reply.chunks.empty())
      head += "Content-Length: " + std::to_string(reply.body.size()) + "\r\n";
    head += "Connection: close\r\n\r\n";
    if (reply.chunks.empty()) {
      if (!send_all(connection, head + reply.body)) return;
    } else {
      if (!send_all(connection, head)) return;
      for (const std::string& chunk : reply.chunks) {
        if (reply.chunk_delay.count() > 0 && wait_or_stop(reply.chunk_delay)) return;
        if (!send_all(connection, chunk)) return;
      }
    }
    if (reply.stall_after_head) {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_; });
    }
  }

  static bool send_all(int connection, const std::string& data) {
    std::size_t sent = 0;
    while (sent < data.size()) {
      const ssize_t wrote =
          ::send(connection, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (wrote <= 0) return false;
      sent += static_cast<std::size_t>(wrote);
    }
    return true;
  }

  // Sleeps for `delay`; true when the server is stopping (then it returns at once).
  bool wait_or_stop(std::chrono::milliseconds delay) {
    std::unique_lock lock(mutex_);
    return wake_.wait_for(lock, delay, [this] { return stopping_; });
  }

  Handler handler_;
  int listener_ = -1;
  int port_ = 0;
  std::thread thread_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::vector<HttpRequest> requests_;
};

// A port on 127.0.0.1 that nothing listens on: bound and released, so connecting to it is
// refused (the kernel does not hand it out again straight away).
inline int closed_local_port() {
  const int probe = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof(address);
  ::bind(probe, reinterpret_cast<sockaddr*>(&address), length);
  ::getsockname(probe, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(probe);
  return ntohs(address.sin_port);
}

}  // namespace codriver::testing
