#include "server/event_hub.h"

#include <algorithm>

namespace codriver::server {

EventHub::EventHub(std::size_t max_subscribers, std::size_t backlog)
    : max_subscribers_(max_subscribers), backlog_(std::max<std::size_t>(backlog, 1)) {}

EventHub::Subscription::~Subscription() {
  if (hub_ == nullptr) return;
  std::lock_guard lock(hub_->mutex_);
  --hub_->subscribers_;
}

std::optional<EventHub::Subscription> EventHub::subscribe() {
  std::lock_guard lock(mutex_);
  if (closed_ || subscribers_ >= max_subscribers_) return std::nullopt;
  ++subscribers_;
  return std::optional<Subscription>(std::in_place, *this);
}

std::size_t EventHub::subscribers() const {
  std::lock_guard lock(mutex_);
  return subscribers_;
}

void EventHub::publish(const std::string& name, std::string data_en, std::string data_zh) {
  {
    std::lock_guard lock(mutex_);
    ServerEvent event{next_id_++, name, {std::move(data_en), std::move(data_zh)}};
    latest_[name] = event;
    events_.push_back(std::move(event));
    while (events_.size() > backlog_)
      events_.pop_front();
  }
  changed_.notify_all();
}

std::vector<ServerEvent> EventHub::latest() const {
  std::lock_guard lock(mutex_);
  std::vector<ServerEvent> events;
  for (const auto& [name, event] : latest_)
    events.push_back(event);
  std::sort(events.begin(), events.end(),
            [](const ServerEvent& a, const ServerEvent& b) { return a.id < b.id; });
  return events;
}

void EventHub::forget_latest(const std::string& name) {
  std::lock_guard lock(mutex_);
  latest_.erase(name);
}

std::vector<ServerEvent> EventHub::wait_after(std::uint64_t after_id,
                                              std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return closed_ || next_id_ - 1 > after_id; });
  std::vector<ServerEvent> events;
  if (closed_) return events;
  for (const ServerEvent& event : events_) {
    if (event.id > after_id) events.push_back(event);
  }
  return events;
}

std::uint64_t EventHub::last_id() const {
  std::lock_guard lock(mutex_);
  return next_id_ - 1;
}

void EventHub::close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
}

bool EventHub::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

}  // namespace codriver::server
