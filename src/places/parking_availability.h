#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "feeds/timestamp.h"
#include "map/place.h"

// Live free spaces of parking lots, as a feed reports them.
//
// Feed messages are JSON, modelled on ParkAPI and DATEX II's parking status:
//   one lot:   {"lot_id": "osm:w123", "free": 42, "total": 300,
//               "timestamp": "2026-11-24T21:05:00Z", "state": "open"}
//   many lots: {"last_updated": "2026-11-24T21:05:00Z",
//               "lots": [{"id": "osm:w123", "free": 42, "total": 300}, ...]}
// (a lot's own "timestamp" wins over "last_updated"). A lot is named by its OSM object,
// "osm:n<id>", "osm:w<id>" or "osm:r<id>", the id `lot_id()` gives a place.
// On MQTT the feed is published to `codriver/parking/<anything>` (see kParkingTopicFilter).
namespace codriver::places {

inline constexpr const char* kParkingTopicFilter = "codriver/parking/#";

class FeedError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct LotStatus {
  std::string lot_id;
  int free = 0;
  std::optional<int> total;
  bool closed = false;  // "state": "closed"
  feeds::Clock::time_point observed_at;
};

// A lot's last status with its age at the time asked. A status older than the board's
// maximum age is stale: shown as "42 free, 25 min ago", never as current.
struct LotReading {
  LotStatus status;
  double age_s = 0.0;
  bool stale = false;
};

std::string lot_id(const map::Place& place);  // "osm:w123"

class AvailabilityBoard {
 public:
  explicit AvailabilityBoard(std::chrono::seconds max_age = std::chrono::minutes(15))
      : max_age_(max_age) {}

  // Applies a feed message; returns how many lots it updated. Throws FeedError naming
  // what is wrong with a malformed message (nothing of such a message is applied).
  // Statuses older than what the board holds (reordered delivery) are ignored; so is a
  // timestamp more than 5 minutes in the future of `now`, with an error.
  std::size_t ingest(std::string_view json_message, feeds::Clock::time_point now);

  std::optional<LotReading> reading(std::string_view lot_id, feeds::Clock::time_point now) const;
  std::size_t size() const;
  std::chrono::seconds max_age() const { return max_age_; }

 private:
  std::chrono::seconds max_age_;
  mutable std::mutex mutex_;
  std::map<std::string, LotStatus, std::less<>> lots_;
};

}  // namespace codriver::places
