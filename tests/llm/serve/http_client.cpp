#include "http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace codriver::llm::serve::testing {
namespace {

int connect_to(int port, std::chrono::seconds timeout) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket() failed");
  timeval limit{};
  limit.tv_sec = static_cast<time_t>(timeout.count());
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot connect to 127.0.0.1:" + std::to_string(port));
  }
  return fd;
}

// Sends what it can; a server that answers early (413) may close before all is sent.
void send_all(int fd, const std::string& data) {
  std::size_t sent = 0;
  while (sent < data.size()) {
    const auto n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<std::size_t>(n);
  }
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// A Content-Length among `headers` replaces the body's own (to announce more than is sent).
std::string request_text(const std::string& method, const std::string& path,
                         const std::string& body, const std::vector<std::string>& headers) {
  std::string text = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  bool has_length = false;
  for (const std::string& header : headers) {
    text += header + "\r\n";
    has_length = has_length || lower(header).starts_with("content-length:");
  }
  if (!has_length && (!body.empty() || method == "POST"))
    text += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  if (!body.empty() || method == "POST") text += "Content-Type: application/json\r\n";
  return text + "Connection: close\r\n\r\n" + body;
}

std::string dechunk(const std::string& body) {
  std::string out;
  std::size_t at = 0;
  while (true) {
    const std::size_t line_end = body.find("\r\n", at);
    if (line_end == std::string::npos) throw std::runtime_error("truncated chunked body");
    const std::size_t size = std::stoul(body.substr(at, line_end - at), nullptr, 16);
    if (size == 0) return out;
    out += body.substr(line_end + 2, size);
    at = line_end + 2 + size + 2;
  }
}

HttpResponse parse_response(const std::string& raw) {
  const std::size_t head_end = raw.find("\r\n\r\n");
  if (head_end == std::string::npos) throw std::runtime_error("no HTTP response: " + raw);
  HttpResponse response;
  response.status = std::stoi(raw.substr(9, 3));
  std::size_t at = raw.find("\r\n") + 2;
  while (at < head_end) {
    const std::size_t end = raw.find("\r\n", at);
    const std::string line = raw.substr(at, end - at);
    const std::size_t colon = line.find(':');
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    response.headers[lower(line.substr(0, colon))] = value;
    at = end + 2;
  }
  response.body = raw.substr(head_end + 4);
  if (lower(response.headers["transfer-encoding"]) == "chunked")
    response.body = dechunk(response.body);
  return response;
}

// Whether `raw` holds a whole response: headers, then Content-Length bytes or the last
// chunk. (A server may keep the connection open after answering, e.g. after a 413.)
bool complete_response(const std::string& raw) {
  const std::size_t head_end = raw.find("\r\n\r\n");
  if (head_end == std::string::npos) return false;
  const std::string head = lower(raw.substr(0, head_end));
  const std::size_t body_size = raw.size() - head_end - 4;
  if (const std::size_t at = head.find("\r\ncontent-length:"); at != std::string::npos)
    return body_size >= std::stoul(head.substr(at + 17));
  if (head.find("transfer-encoding: chunked") != std::string::npos)
    return raw.ends_with("\r\n0\r\n\r\n") || raw.substr(head_end + 4) == "0\r\n\r\n";
  return false;
}

std::string read_all(int fd) {
  std::string raw;
  char buffer[65536];
  while (!complete_response(raw)) {
    const auto n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n == 0) return raw;
    if (n < 0) {
      if (!raw.empty() && errno == ECONNRESET) return raw;
      throw std::runtime_error("no answer from the server (timeout or error)");
    }
    raw.append(buffer, static_cast<std::size_t>(n));
  }
  return raw;
}

}  // namespace

HttpResponse http_request(int port, const std::string& method, const std::string& path,
                          const std::string& body, const std::vector<std::string>& extra_headers,
                          std::chrono::seconds timeout) {
  const int fd = connect_to(port, timeout);
  send_all(fd, request_text(method, path, body, extra_headers));
  std::string raw;
  try {
    raw = read_all(fd);
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
  return parse_response(raw);
}

std::vector<std::string> sse_data(const std::string& body) {
  std::vector<std::string> data;
  std::size_t at = 0;
  while (at < body.size()) {
    const std::size_t end = body.find("\n\n", at);
    if (end == std::string::npos) throw std::runtime_error("an event without its blank line");
    const std::string event = body.substr(at, end - at);
    at = end + 2;
    if (event.starts_with(":")) continue;
    if (!event.starts_with("data: ") || event.find('\n') != std::string::npos)
      throw std::runtime_error("not a one-line data event: " + event);
    data.push_back(event.substr(6));
  }
  return data;
}

HttpStream::HttpStream(int port, const std::string& path, const std::string& body,
                       std::chrono::seconds timeout)
    : socket_(connect_to(port, timeout)) {
  send_all(socket_, request_text("POST", path, body, {}));
}

HttpStream::~HttpStream() {
  if (socket_ >= 0) ::close(socket_);
}

bool HttpStream::read_until(const std::string& text) {
  char buffer[4096];
  while (received_.find(text) == std::string::npos) {
    const auto n = ::recv(socket_, buffer, sizeof buffer, 0);
    if (n <= 0) return false;
    received_.append(buffer, static_cast<std::size_t>(n));
  }
  return true;
}

bool HttpStream::read_events(int count) {
  const auto events = [&] {
    int found = 0;
    for (std::size_t at = received_.find("data: "); at != std::string::npos;
         at = received_.find("data: ", at + 1))
      ++found;
    return found;
  };
  char buffer[4096];
  while (events() < count) {
    const auto n = ::recv(socket_, buffer, sizeof buffer, 0);
    if (n <= 0) return false;
    received_.append(buffer, static_cast<std::size_t>(n));
  }
  return true;
}

void HttpStream::abort() {
  linger hard{1, 0};
  ::setsockopt(socket_, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
  ::close(socket_);
  socket_ = -1;
}

}  // namespace codriver::llm::serve::testing
