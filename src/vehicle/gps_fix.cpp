#include "vehicle/gps_fix.h"

namespace codriver::vehicle {

std::optional<GpsFix> gps_fix_from(const VehicleSnapshot& snapshot) {
  if (!snapshot.position) return std::nullopt;
  GpsFix fix;
  fix.position = snapshot.position->value;
  fix.timestamp = snapshot.position->timestamp;
  if (snapshot.heading_deg) fix.heading_deg = snapshot.heading_deg->value;
  // VSS speed is km/h; the matcher reasons in metres and seconds.
  if (snapshot.speed_kmh) fix.speed_mps = snapshot.speed_kmh->value / 3.6;
  if (snapshot.horizontal_accuracy_m)
    fix.horizontal_accuracy_m = snapshot.horizontal_accuracy_m->value;
  return fix;
}

}  // namespace codriver::vehicle
