#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/timestamp.h"
#include "geo/latlon.h"
#include "vehicle/vss.h"

// The car as codriver last heard of it: the latest value of each VSS signal with the
// time it was measured, fed from MQTT (vss_feed.h) or by the drive simulator, read by
// the agent and the map matcher. Safe to update and read from different threads.
namespace codriver::vehicle {

// A value with the time it was measured and how old it was when the snapshot was taken.
template <typename T>
struct Reading {
  T value;
  feeds::Clock::time_point timestamp;
  std::chrono::milliseconds age{0};  // never negative (a timestamp a little ahead reads 0)
};

// What is known and current at one instant. A signal older than its max age (vss.cpp)
// is left out of the typed fields and named in `stale`: shown as "as of 2 min ago" at
// most, never as the current value.
struct VehicleSnapshot {
  feeds::Clock::time_point taken_at;
  std::optional<Reading<geo::LatLon>> position;  // latitude and longitude measured together
  std::optional<Reading<double>> heading_deg;
  std::optional<Reading<double>> horizontal_accuracy_m;
  std::optional<Reading<double>> speed_kmh;
  std::optional<Reading<double>> soc_percent;
  std::optional<Reading<double>> range_m;  // Powertrain.Range, else TractionBattery.Range
  std::optional<Reading<double>> net_capacity_kwh;
  std::optional<Reading<bool>> is_charging;
  std::optional<Reading<std::string>> powertrain_type;
  std::vector<std::string> stale;  // paths with a value too old to be current, sorted
};

struct VehicleStateOptions {
  // How far ahead of our clock a timestamp may be: clocks of two ECUs disagree a little.
  std::chrono::milliseconds max_future_skew = std::chrono::seconds(2);
  // Latitude and longitude arrive as two messages; further apart than this they are
  // not one fix, and no position is reported until the other catches up.
  std::chrono::milliseconds max_position_pairing = std::chrono::seconds(1);
};

enum class IngestResult { kStored, kIgnoredOlder };

class VehicleState {
 public:
  explicit VehicleState(VehicleStateOptions options = {}) : options_(options) {}

  // Parses, checks and stores one MQTT message. Throws VssError (unknown path, wrong
  // type, out of range, bad or future timestamp, oversized) and then stores nothing.
  // A value older than (or as old as) the one held is ignored: MQTT may deliver
  // out of order, and a retained message comes again on reconnect.
  IngestResult ingest(std::string_view topic, std::string_view payload,
                      feeds::Clock::time_point now);
  // The same for a value from inside the process (the simulator); the path must be known.
  IngestResult update(const VssMessage& message, feeds::Clock::time_point now);

  // The latest value of a path as stored, however old; nullopt when never heard.
  std::optional<VssMessage> latest(std::string_view path) const;
  // Every stored value, in path order: what a publisher republishes.
  std::vector<VssMessage> all() const;

  VehicleSnapshot snapshot(feeds::Clock::time_point now) const;

 private:
  struct Sample {
    VssValue value;
    feeds::Clock::time_point timestamp;
  };

  void check_not_future(const VssMessage& message, feeds::Clock::time_point now) const;
  template <typename T>
  std::optional<Reading<T>> current(std::string_view path, feeds::Clock::time_point now) const;
  std::optional<Reading<geo::LatLon>> current_position(feeds::Clock::time_point now) const;
  std::vector<std::string> stale_paths(feeds::Clock::time_point now) const;

  VehicleStateOptions options_;
  mutable std::mutex mutex_;
  std::map<std::string, Sample, std::less<>> samples_;
};

}  // namespace codriver::vehicle
