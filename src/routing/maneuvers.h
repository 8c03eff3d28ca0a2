#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/latlon.h"
#include "map/road_graph.h"
#include "routing/route_path.h"

// Turns a RoutePath (edges as driven) into the steps a driver hears and sees, in the
// manner of OSRM and Valhalla: consecutive edges of one road become one step, and a
// new step starts only where the driver has to do something or the road's name changes.
//
// Rules, in the order they are tried at each node the route passes:
//  - Roundabouts: the edges flagged kRoundabout form one kRoundabout step at the entry,
//    "take the Nth exit". N counts the drivable exits passed, i.e. the out-edges of the
//    roundabout's nodes that leave it; roads that only enter the roundabout (one-way
//    towards it) are not counted, since a driver cannot take them and signage often
//    omits them. The step is named after the exit road and covers it up to the next
//    step. A route that starts inside a roundabout gets kExitRoundabout when it leaves.
//  - kUturn when the route turns back on the road it came on (or by more than 170°).
//  - Motorway and trunk ramps: leaving one onto a *_link is kOffRamp, joining one from
//    a *_link is kMerge, entering a motorway_link/trunk_link from any other road kOnRamp.
//  - At a node without any other road to take the route only gets a step when the name
//    changes (kContinue, "continue onto"): bends in a road are not maneuvers.
//  - kFork when two or more roads leave within 45° of straight and the route takes one
//    of them, unless it goes straight on along the same road while the others veer off.
//  - kEndOfRoad when no road goes on ahead (within 45°) and the route turns.
//  - Otherwise kTurn when the angle is at least 30° (same name) or 20° (new name), and
//    kContinue for a new name straight on.
// Edges of less than 1 m as driven (zero-length edges, the tail of a route that ends
// just past a junction) never start a step.
namespace codriver::routing {

enum class ManeuverType {
  kDepart,
  kArrive,
  kContinue,  // straight on (or along the only road) onto a road with a new name
  kTurn,
  kUturn,
  kRoundabout,      // enter, circulate and leave by exit `roundabout_exit`, in one step
  kExitRoundabout,  // leave a roundabout the route started in
  kMerge,
  kFork,
  kOnRamp,
  kOffRamp,
  kEndOfRoad,  // the road ends at a T: turn left or right
};

// The turn's sharpness and side. kArrive uses kLeft/kRight for the side of the road the
// destination lies on (kStraight: on the road or unknown); kFork, kMerge and the ramps use
// kSlightLeft/kSlightRight/kStraight for the side taken.
enum class Direction {
  kStraight,
  kSlightLeft,
  kLeft,
  kSharpLeft,
  kSlightRight,
  kRight,
  kSharpRight,
  kUturn,
};

struct Step {
  ManeuverType type = ManeuverType::kDepart;
  Direction direction = Direction::kStraight;
  int roundabout_exit = 0;  // 1-based for kRoundabout; 0 when the route ends inside it
  // The road this step follows; empty strings when unnamed. English text prefers
  // name_en, Chinese name_zh, both fall back to name and then ref.
  std::string name, name_zh, name_en, ref;
  geo::LatLon location;       // where the maneuver happens
  double bearing_before = 0;  // degrees from north, arriving at `location` (0 for kDepart)
  double bearing_after = 0;   // leaving it (for kRoundabout: leaving by the exit; 0 for kArrive)
  double distance_m = 0;      // of the road followed after the maneuver until the next step
  double duration_s = 0;
  std::size_t geometry_begin = 0;  // [begin, end] indices into the route polyline
  std::size_t geometry_end = 0;
};

// Direction of a signed turn angle (negative left, positive right, in degrees):
// straight below 20°, slight below 60°, plain below 120°, sharp below 170°, else U-turn.
Direction classify_turn(double angle_deg);

// The steps of `path`, kDepart first and kArrive last, with distances summing to the
// route's length; empty for an empty path. When `polyline` is given it receives the
// route's geometry: the edges' shapes joined, cut at the first and last edge's fractions
// (interpolated along their shape), without repeated points. `destination`, the point the
// user asked for (before snapping to the road), gives kArrive its side.
// Throws std::invalid_argument when an edge id is out of range or consecutive edges
// do not meet at a node.
std::vector<Step> build_steps(const map::RoadGraph& graph, const RoutePath& path,
                              std::vector<geo::LatLon>* polyline,
                              std::optional<geo::LatLon> destination = std::nullopt);

// Stable names for JSON, as OSRM spells them: "depart", "turn", "end of road", ...
std::string_view maneuver_type_name(ManeuverType type);
// "straight", "slight left", "left", "sharp left", ..., "uturn".
std::string_view direction_name(Direction direction);
// Type and modifier together where the modifier means something: "turn left",
// "fork slight right", "arrive right", "continue", "roundabout", "depart".
std::string maneuver_name(ManeuverType type, Direction direction);

}  // namespace codriver::routing
