#pragma once

#include <optional>

#include "feeds/timestamp.h"
#include "geo/latlon.h"
#include "vehicle/vehicle_state.h"

// One GPS position with what else the car knew at that moment: what the map matcher
// takes. It comes from the vehicle state (VSS) or straight from a receiver or a test.
namespace codriver::vehicle {

struct GpsFix {
  geo::LatLon position;
  feeds::Clock::time_point timestamp;
  std::optional<double> heading_deg;            // 0 = north, clockwise
  std::optional<double> speed_mps;              // from the speedometer or the GNSS
  std::optional<double> horizontal_accuracy_m;  // one standard deviation
};

// The current fix of a snapshot: its position, with heading, speed and accuracy when
// they are current too; nullopt without a current position.
std::optional<GpsFix> gps_fix_from(const VehicleSnapshot& snapshot);

}  // namespace codriver::vehicle
