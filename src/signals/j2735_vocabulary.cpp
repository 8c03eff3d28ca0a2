#include "signals/j2735_vocabulary.h"

#include <array>
#include <cctype>
#include <cmath>
#include <string>

namespace codriver::signals::j2735 {

namespace {

constexpr std::array<std::string_view, 10> kLaneSharing = {"overlappingLaneDescriptionProvided",
                                                           "multipleLanesTreatedAsOneLane",
                                                           "otherNonMotorizedTrafficTypes",
                                                           "individualMotorizedVehicleTraffic",
                                                           "busVehicleTraffic",
                                                           "taxiVehicleTraffic",
                                                           "pedestriansTraffic",
                                                           "cyclistVehicleTraffic",
                                                           "trackedVehicleTraffic",
                                                           "pedestrianTraffic"};

constexpr std::array<std::string_view, 8> kVehicle = {
    "isVehicleRevocableLane", "isVehicleFlyOverLane", "hovLaneUseOnly",
    "restrictedToBusUse",     "restrictedToTaxiUse",  "restrictedFromPublicUse",
    "hasIRbeaconCoverage",    "permissionOnRequest"};
constexpr std::array<std::string_view, 9> kCrosswalk = {
    "crosswalkRevocableLane", "bicyleUseAllowed",        "isXwalkFlyOverLane",
    "fixedCycleTime",         "biDirectionalCycleTimes", "hasPushToWalkButton",
    "audioSupport",           "rfSignalRequestPresent",  "unsignalizedSegmentsPresent"};
constexpr std::array<std::string_view, 7> kBike = {
    "bikeRevocableLane",          "pedestrianUseAllowed",
    "isBikeFlyOverLane",          "fixedCycleTime",
    "biDirectionalCycleTimes",    "isolatedByBarrier",
    "unsignalizedSegmentsPresent"};
constexpr std::array<std::string_view, 4> kSidewalk = {"sidewalk-RevocableLane", "bicyleUseAllowed",
                                                       "isSidewalkFlyOverLane", "walkBikes"};
constexpr std::array<std::string_view, 10> kBarrier = {"median-RevocableLane",
                                                       "median",
                                                       "whiteLineHashing",
                                                       "stripedLines",
                                                       "doubleStripedLines",
                                                       "trafficCones",
                                                       "constructionBarrier",
                                                       "trafficChannels",
                                                       "lowCurbs",
                                                       "highCurbs"};
constexpr std::array<std::string_view, 6> kStriping = {"stripeToConnectingLanesRevocableLane",
                                                       "stripeDrawOnLeft",
                                                       "stripeDrawOnRight",
                                                       "stripeToConnectingLanesLeft",
                                                       "stripeToConnectingLanesRight",
                                                       "stripeToConnectingLanesAhead"};
constexpr std::array<std::string_view, 5> kTracked = {
    "spec-RevocableLane", "spec-commuterRailRoadTrack", "spec-lightRailRoadTrack",
    "spec-heavyRailRoadTrack", "spec-otherRailType"};
constexpr std::array<std::string_view, 7> kParking = {
    "parkingRevocableLane", "parallelParkingInUse", "headInParkingInUse", "doNotParkZone",
    "parkingForBusUse",     "parkingForTaxiUse",    "noPublicParkingUse"};

// J2735 DE_TimeIntervalConfidence: the probability classes of its table.
constexpr std::array<double, 16> kConfidence = {0.21, 0.36, 0.47, 0.56, 0.62, 0.68, 0.73, 0.77,
                                                0.81, 0.85, 0.88, 0.91, 0.94, 0.96, 0.98, 1.00};

bool same_name(std::string_view a, std::string_view b) {
  std::size_t i = 0, j = 0;
  for (;;) {
    while (i < a.size() && (a[i] == '-' || a[i] == '_'))
      ++i;
    while (j < b.size() && (b[j] == '-' || b[j] == '_'))
      ++j;
    if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[j]))) {
      return false;
    }
    ++i;
    ++j;
  }
}

}  // namespace

std::span<const std::string_view> lane_sharing_names() {
  return kLaneSharing;
}

std::span<const std::string_view> lane_type_attribute_names(LaneType type) {
  switch (type) {
    case LaneType::kVehicle:
      return kVehicle;
    case LaneType::kCrosswalk:
      return kCrosswalk;
    case LaneType::kBikeLane:
      return kBike;
    case LaneType::kSidewalk:
      return kSidewalk;
    case LaneType::kMedian:
      return kBarrier;
    case LaneType::kStriping:
      return kStriping;
    case LaneType::kTrackedVehicle:
      return kTracked;
    case LaneType::kParking:
      return kParking;
  }
  return {};
}

int lane_type_attribute_bits(LaneType type) {
  return type == LaneType::kVehicle ? 8 : 16;
}

std::optional<int> bit_named(std::span<const std::string_view> names, std::string_view key) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (same_name(names[i], key)) return static_cast<int>(i);
  }
  return std::nullopt;
}

double interval_confidence_probability(int index) {
  return kConfidence.at(index);
}

int interval_confidence_index(double probability) {
  int best = 0;
  for (int i = 1; i < static_cast<int>(kConfidence.size()); ++i) {
    if (std::abs(kConfidence[i] - probability) < std::abs(kConfidence[best] - probability)) {
      best = i;
    }
  }
  return best;
}

}  // namespace codriver::signals::j2735
