#pragma once

#include <httplib.h>

#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

// A client of the cockpit's Server-Sent Events, for tests: reads frames until a
// condition holds or time runs out.
namespace codriver::server::testing {

struct SseEvent {
  std::string name;
  nlohmann::json data;
};

struct EventRead {
  std::vector<SseEvent> events;
  int status = 0;
};

using EnoughEvents = std::function<bool(const std::vector<SseEvent>&)>;

inline EventRead read_events(int port, const std::string& target, const EnoughEvents& enough,
                             std::chrono::seconds timeout = std::chrono::seconds(15),
                             const httplib::Headers& headers = {}) {
  EventRead read;
  std::string pending;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(timeout.count(), 0);
  auto result = client.Get(
      target, headers,
      [&](const httplib::Response& response) {
        read.status = response.status;
        return true;
      },
      [&](const char* data, std::size_t size) {
        pending.append(data, size);
        for (auto end = pending.find("\n\n"); end != std::string::npos;
             end = pending.find("\n\n")) {
          const std::string frame = pending.substr(0, end);
          pending.erase(0, end + 2);
          SseEvent event;
          std::size_t start = 0;
          while (start < frame.size()) {
            const std::size_t line_end = std::min(frame.find('\n', start), frame.size());
            const std::string line = frame.substr(start, line_end - start);
            if (line.rfind("event: ", 0) == 0) event.name = line.substr(7);
            if (line.rfind("data: ", 0) == 0) event.data = nlohmann::json::parse(line.substr(6));
            start = line_end + 1;
          }
          if (!event.name.empty()) read.events.push_back(std::move(event));
        }
        return !enough(read.events) && std::chrono::steady_clock::now() < deadline;
      });
  if (result && read.status == 0) read.status = result->status;
  return read;
}

inline std::size_t count_named(const std::vector<SseEvent>& events, const std::string& name) {
  std::size_t n = 0;
  for (const auto& event : events)
    n += event.name == name;
  return n;
}

}  // namespace codriver::server::testing
