#pragma once

#include <array>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "routing/instructions.h"

// The cockpit's event stream: the server publishes (ticks, route changes, answers), every
// connected screen reads from where it is. A screen that falls behind loses the oldest
// events, not the newest; a new screen gets the latest event of each kind first.
namespace codriver::server {

struct ServerEvent {
  std::uint64_t id = 0;
  std::string name;                 // tick, route, answer, reset
  std::array<std::string, 2> data;  // JSON, in English and in Chinese

  const std::string& data_in(routing::Language language) const {
    return data[language == routing::Language::kChinese ? 1 : 0];
  }
};

class EventHub {
 public:
  explicit EventHub(std::size_t max_subscribers, std::size_t backlog = 256);

  // Holds one of the hub's places while a screen is connected.
  class Subscription {
   public:
    explicit Subscription(EventHub& hub) : hub_(&hub) {}
    Subscription(Subscription&& other) noexcept : hub_(other.hub_) { other.hub_ = nullptr; }
    Subscription(const Subscription&) = delete;
    Subscription& operator=(const Subscription&) = delete;
    Subscription& operator=(Subscription&&) = delete;
    ~Subscription();

   private:
    EventHub* hub_;
  };

  // nullopt when max_subscribers screens are already connected, or the hub is closed.
  std::optional<Subscription> subscribe();
  std::size_t subscribers() const;
  std::size_t max_subscribers() const { return max_subscribers_; }

  void publish(const std::string& name, std::string data_en, std::string data_zh);
  // The latest event of each kind, oldest first: what a new screen needs to draw.
  std::vector<ServerEvent> latest() const;
  // A new screen no longer gets the latest `name` event (it no longer holds: a reset
  // conversation has no last answer).
  void forget_latest(const std::string& name);
  // Events after `after_id`, waiting up to `timeout` for one; empty on timeout or close.
  std::vector<ServerEvent> wait_after(std::uint64_t after_id, std::chrono::milliseconds timeout);
  std::uint64_t last_id() const;

  // Wakes every waiting reader and refuses new subscribers.
  void close();
  bool closed() const;

 private:
  const std::size_t max_subscribers_, backlog_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<ServerEvent> events_;
  std::map<std::string, ServerEvent> latest_;
  std::uint64_t next_id_ = 1;
  std::size_t subscribers_ = 0;
  bool closed_ = false;
};

}  // namespace codriver::server
