#include "routing/routing_error.h"

namespace codriver::routing {

const char* RoutingError::code_name() const {
  switch (code_) {
    case Code::kInvalidCoordinate:
      return "invalid_coordinate";
    case Code::kOutsideMap:
      return "outside_map";
    case Code::kNoRoadNearby:
      return "no_road_nearby";
    case Code::kNoRoute:
      return "no_route";
    case Code::kTooManyStops:
      return "too_many_stops";
  }
  return "unknown";
}

}  // namespace codriver::routing
